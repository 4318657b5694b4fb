//! "Did you mean" suggestions, shared by rules and front ends.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}
