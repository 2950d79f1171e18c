//! The one error type of the core. Each variant is something the UI reacts to differently, so
//! the desktop shell can hand it over as `{code, message, ...}` without parsing strings.

use serde::Serialize;

/// The kinds of record, used to say what was not found or what still refers to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Member,
    Person,
    Mission,
    Participation,
    Delegate,
    Organisation,
    Partner,
    Contact,
    Meeting,
    FollowUp,
    ImportBatch,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Member => "member",
            Entity::Person => "person",
            Entity::Mission => "mission",
            Entity::Participation => "participation",
            Entity::Delegate => "delegate",
            Entity::Organisation => "organisation",
            Entity::Partner => "partner",
            Entity::Contact => "contact",
            Entity::Meeting => "meeting",
            Entity::FollowUp => "follow_up",
            Entity::ImportBatch => "import_batch",
        }
    }
}

/// Why a field was refused; the UI words each reason in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Required,
    TooLong,
    Email,
    Date,
    Time,
    TimeZone,
    DateOrder,
    Choice,
    Url,
    Phone,
    ControlCharacters,
    TooShort,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Required => "required",
            Reason::TooLong => "too_long",
            Reason::Email => "email",
            Reason::Date => "date",
            Reason::Time => "time",
            Reason::TimeZone => "time_zone",
            Reason::DateOrder => "date_order",
            Reason::Choice => "choice",
            Reason::Url => "url",
            Reason::Phone => "phone",
            Reason::ControlCharacters => "control_characters",
            Reason::TooShort => "too_short",
        }
    }
}

/// Why a file could not be imported; the UI words each problem in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportProblem {
    /// The content is not what the name claims (a `.xlsx` that is not a workbook...).
    NotThisFormat,
    /// Neither a spreadsheet, a vCard nor text.
    UnknownFormat,
    /// The workbook is password-protected.
    Encrypted,
    /// The file, or what it expands to, is larger than an import may be.
    TooLarge,
    TooManyRows,
    /// A NUL byte in a text file: a binary file or a broken export.
    NulByte,
    /// The file holds no header row or no rows.
    Empty,
    NoSuchSheet,
    /// The reader gave up: a damaged file.
    Unreadable,
    /// The batch was already undone.
    AlreadyUndone,
}

impl ImportProblem {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportProblem::NotThisFormat => "not_this_format",
            ImportProblem::UnknownFormat => "unknown_format",
            ImportProblem::Encrypted => "encrypted",
            ImportProblem::TooLarge => "too_large",
            ImportProblem::TooManyRows => "too_many_rows",
            ImportProblem::NulByte => "nul_byte",
            ImportProblem::Empty => "empty",
            ImportProblem::NoSuchSheet => "no_such_sheet",
            ImportProblem::Unreadable => "unreadable",
            ImportProblem::AlreadyUndone => "already_undone",
        }
    }

    /// What went wrong, for a person reading the command line's message (the app shows its own
    /// text in Italian or English from the code).
    pub fn describe(self) -> &'static str {
        match self {
            ImportProblem::NotThisFormat => "its content is not what its name says",
            ImportProblem::UnknownFormat => "it is not a spreadsheet, a vCard or a text file",
            ImportProblem::Encrypted => "the workbook is protected by a password; save a copy without it",
            ImportProblem::TooLarge => "it holds more than Ponte can import at once; split it into smaller files",
            ImportProblem::TooManyRows => "it has more than 1,000,000 rows",
            ImportProblem::NulByte => "it holds binary characters: not a text file, or a broken export",
            ImportProblem::Empty => "it holds no header row or no rows",
            ImportProblem::NoSuchSheet => "the workbook has no sheet of that name",
            ImportProblem::Unreadable => "the file is damaged or cannot be read",
            ImportProblem::AlreadyUndone => "this import was already undone",
        }
    }
}

/// A count of records of one kind that still point at a record someone wants to delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub entity: Entity,
    pub count: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{} {id} not found", entity.as_str())]
    NotFound { entity: Entity, id: String },

    /// `field` is the camelCase name the UI uses for the input.
    #[error("invalid {field}: {}", reason.as_str())]
    Invalid { field: &'static str, reason: Reason },

    #[error("{} {id} is still referenced by {}", entity.as_str(), describe(references))]
    Referenced { entity: Entity, id: String, references: Vec<Reference> },

    #[error("another {} already has this {field}", entity.as_str())]
    Conflict { entity: Entity, field: &'static str },

    #[error("the workspace has schema version {found}, this Ponte knows up to {supported}; update Ponte")]
    SchemaTooNew { found: i64, supported: i64 },

    #[error("the workspace is not empty")]
    NotEmpty,

    /// The workspace is encrypted and no passphrase was given (or the app was locked).
    #[error("the workspace is protected by a passphrase")]
    Locked,

    /// The passphrase does not open the workspace; the file is untouched.
    #[error("wrong passphrase for this workspace")]
    WrongPassphrase,

    /// Locking or removing the passphrase of a workspace that has none.
    #[error("the workspace has no passphrase")]
    NotEncrypted,

    /// Another Ponte has this workspace open (the app holds its instance lock).
    #[error("the workspace is open in another Ponte")]
    InUse,

    /// A backup (or its copy) fails SQLite's integrity check; `0` is what the check said.
    #[error("the backup is damaged: {0}")]
    BackupDamaged(String),

    /// The file is neither a Ponte workspace nor an encrypted one we can open.
    #[error("the file is not a Ponte workspace")]
    NotAWorkspace,

    /// `row` is the 1-based line or row of the file, when the problem has one.
    #[error("cannot import {file}{}: {} ({})", row.map(|r| format!(" (row {r})")).unwrap_or_default(), problem.describe(), problem.as_str())]
    Import { file: String, row: Option<usize>, problem: ImportProblem },

    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),

    #[error("file error: {0}")]
    Io(#[from] std::io::Error),

    /// A file writer (XLSX, PDF) refused the data; `format` names the writer.
    #[error("could not write the {format} file: {reason}")]
    Export { format: &'static str, reason: String },

    /// No installed font covers the text of a PDF; `missing` holds a few of the characters.
    #[error("no installed font covers the text to print ({}); install the Debian package fonts-noto-cjk or set PONTE_PDF_FONT to a .ttf/.otf/.ttc file (looked at: {})", missing.iter().collect::<String>(), searched.join(", "))]
    NoFont { missing: Vec<char>, searched: Vec<String> },
}

/// The storage failures a coordinator can do something about get their own codes.
fn db_code(e: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => "disk_full",
        Some(ErrorCode::ReadOnly) => "read_only",
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => "busy",
        Some(ErrorCode::NotADatabase) => "not_a_workspace",
        Some(ErrorCode::CannotOpen) => "cannot_open",
        _ => "storage",
    }
}

fn describe(references: &[Reference]) -> String {
    references
        .iter()
        .map(|r| format!("{} {}", r.count, r.entity.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Error {
    /// A stable code the UI branches on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not_found",
            Error::Invalid { .. } => "invalid",
            Error::Referenced { .. } => "referenced",
            Error::Conflict { .. } => "conflict",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotEmpty => "not_empty",
            Error::Import { .. } => "import",
            Error::Locked => "locked",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::NotAWorkspace => "not_a_workspace",
            Error::NotEncrypted => "not_encrypted",
            Error::InUse => "in_use",
            Error::BackupDamaged(_) => "backup_damaged",
            Error::Db(e) => db_code(e),
            Error::Io(e) => match e.kind() {
                std::io::ErrorKind::StorageFull => "disk_full",
                std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => "read_only",
                _ => "io",
            },
            Error::Export { .. } => "export",
            Error::NoFont { .. } => "no_font",
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: Reason) -> Self {
        Error::Invalid { field, reason }
    }

    pub(crate) fn not_found(entity: Entity, id: &str) -> Self {
        Error::NotFound { entity, id: id.to_owned() }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
