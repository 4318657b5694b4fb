//! What the evaluation tests share.

use std::path::PathBuf;

/// A folder of `../shared` (beside the checkout; CI has it), or `None` when
/// it is not here. Under `CI` a missing folder fails the test.
pub fn shared_folder(relative: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    if root.is_dir() {
        return Some(root);
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI needs ../shared/{relative} beside the checkout"
    );
    // Printing why the test did nothing is the point.
    #[allow(clippy::print_stdout)]
    {
        println!("skipping: ../shared/{relative} is not here");
    }
    None
}
