//! Writing fixed files without ever losing the original.

use std::io::Write;
use std::path::Path;

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk after it was read: someone else's edit wins.
    ChangedOnDisk,
    /// The file is read-only; a rename would replace it anyway, so refuse.
    ReadOnly,
    /// The folder is read-only: no temporary file may be made beside the post.
    ReadOnlyFolder,
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::ChangedOnDisk => {
                f.write_str("not fixed: the file changed on disk while copydesk was running")
            }
            WriteError::ReadOnly => f.write_str("not fixed: the file is read-only"),
            WriteError::ReadOnlyFolder => f.write_str("not fixed: its folder is read-only"),
            WriteError::Io(error) => write!(
                f,
                "not fixed: {}",
                crate::discover::describe_io_error(error)
            ),
        }
    }
}

/// Set in tests to fail between writing the temporary file and the rename.
const FAULT_VARIABLE: &str = "COPYDESK_FAULT_BEFORE_RENAME";

/// Replaces `path` with `fixed`, atomically: a temporary file in the same
/// folder, the original's permissions, then a rename. Nothing is written if
/// the file no longer holds `original`.
pub fn write_fixed(path: &Path, original: &[u8], fixed: &[u8]) -> Result<(), WriteError> {
    let current = std::fs::read(path).map_err(WriteError::Io)?;
    if current != original {
        return Err(WriteError::ChangedOnDisk);
    }
    let metadata = std::fs::metadata(path).map_err(WriteError::Io)?;
    if metadata.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    let folder = folder_of(path);
    // Root may write anywhere; the permission bits still say what the owner meant.
    if std::fs::metadata(folder)
        .map_err(WriteError::Io)?
        .permissions()
        .readonly()
    {
        return Err(WriteError::ReadOnlyFolder);
    }
    let mut temporary = tempfile::Builder::new()
        .prefix(".copydesk-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(WriteError::Io)?;
    temporary.write_all(fixed).map_err(WriteError::Io)?;
    temporary.as_file().sync_all().map_err(WriteError::Io)?;
    std::fs::set_permissions(temporary.path(), metadata.permissions()).map_err(WriteError::Io)?;
    if std::env::var_os(FAULT_VARIABLE).is_some() {
        // Dropping the temporary file removes it; the original is untouched.
        return Err(WriteError::Io(std::io::Error::other(
            "injected fault before rename",
        )));
    }
    // A last look narrows the window in which another writer could be lost.
    if std::fs::read(path).map_err(WriteError::Io)? != original {
        return Err(WriteError::ChangedOnDisk);
    }
    temporary
        .persist(path)
        .map_err(|error| WriteError::Io(error.error))?;
    Ok(())
}

/// Writes a file copydesk owns (the cache, a baseline) atomically: a
/// temporary file beside it, then a rename.
pub fn replace_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut temporary = tempfile::NamedTempFile::new_in(folder_of(path))?;
    let mut out = std::io::BufWriter::new(temporary.as_file_mut());
    write(&mut out)?;
    out.flush()?;
    drop(out);
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A unified diff of a fix, as `--diff` prints it.
pub fn unified_diff(path: &str, original: &str, fixed: &str) -> String {
    similar::TextDiff::from_lines(original, fixed)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("post.md");
        std::fs::write(&path, "someone else's edit").unwrap();
        let result = write_fixed(&path, b"what copydesk read", b"fixed");
        assert!(matches!(result, Err(WriteError::ChangedOnDisk)));
        assert_eq!(std::fs::read(&path).unwrap(), b"someone else's edit");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_unchanged_file_is_replaced() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("post.md");
        std::fs::write(&path, "before").unwrap();
        write_fixed(&path, b"before", b"after").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"after");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
