//! How a core error reaches the UI: `{code, message, ...}` with just enough structure for the UI
//! to word it in the user's language.

use ponte::error::Reference;
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<Reference>>,
    /// For an import: the file's name, the row (1-based) and what is wrong with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<ponte::error::ImportProblem>,
}

impl From<ponte::Error> for CommandError {
    fn from(error: ponte::Error) -> Self {
        let mut out = CommandError {
            code: error.code(),
            message: error.to_string(),
            field: None,
            reason: None,
            entity: None,
            references: None,
            file: None,
            row: None,
            problem: None,
        };
        match error {
            ponte::Error::NotFound { entity, .. } => out.entity = Some(entity.as_str()),
            ponte::Error::Invalid { field, reason } => {
                out.field = Some(field);
                out.reason = Some(reason.as_str());
            }
            ponte::Error::Referenced { entity, references, .. } => {
                out.entity = Some(entity.as_str());
                out.references = Some(references);
            }
            ponte::Error::Conflict { entity, field } => {
                out.entity = Some(entity.as_str());
                out.field = Some(field);
            }
            ponte::Error::Import { file, row, problem } => {
                out.file = Some(file);
                out.row = row;
                out.problem = Some(problem);
            }
            _ => {}
        }
        out
    }
}

impl CommandError {
    /// A failure of the shell itself (a worker thread that died), not of the core.
    pub fn internal(message: impl Into<String>) -> Self {
        CommandError {
            code: "storage",
            message: message.into(),
            field: None,
            reason: None,
            entity: None,
            references: None,
            file: None,
            row: None,
            problem: None,
        }
    }
}
