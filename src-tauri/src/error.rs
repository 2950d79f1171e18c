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
            _ => {}
        }
        out
    }
}

impl CommandError {
    /// A failure of the shell itself (a worker thread that died), not of the core.
    pub fn internal(message: impl Into<String>) -> Self {
        CommandError { code: "storage", message: message.into(), field: None, reason: None, entity: None, references: None }
    }
}
