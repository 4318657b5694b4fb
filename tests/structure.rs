//! The shape of the code, checked: no import cycle among the modules of
//! either crate, and no rule name written as a string outside the rule table
//! and tests.
//!
//! A module's imports are the `crate::…` paths in its file (outside its
//! `#[cfg(test)]` part), resolved to the longest module they name. A module
//! using its own parent or child is the shape of a Rust module tree, not a
//! cycle, and is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const CRATES: &[(&str, &str)] = &[
    ("copydesk-core", "crates/copydesk-core/src"),
    ("copydesk", "src"),
];

fn rust_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(
                std::fs::read_dir(&path)
                    .unwrap()
                    .map(|entry| entry.unwrap().path()),
            );
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// `rules/tag_vocabulary.rs` → `rules::tag_vocabulary`; `rules/mod.rs` → `rules`.
fn module_of(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The file's text before its test module.
fn code_of(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// `crate::a::b::{c, d}` and `crate::a::b::c` paths in the code, as the
/// segments after `crate`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let segments: Vec<String> = path
            .split("::")
            .filter(|segment| !segment.is_empty())
            .map(str::to_string)
            .collect();
        if !segments.is_empty() {
            paths.push(segments);
        }
    }
    paths
}

fn is_family(a: &str, b: &str) -> bool {
    let within =
        |inner: &str, outer: &str| outer.is_empty() || inner.starts_with(&format!("{outer}::"));
    a == b || within(a, b) || within(b, a)
}

/// Every cycle's modules, found by Tarjan's strongly connected components.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(state: &mut State<'a>, node: &'a str) {
        let next = state.index.len();
        state.index.insert(node, next);
        state.low.insert(node, next);
        state.stack.push(node);
        state.on_stack.insert(node);
        for target in state.graph.get(node).into_iter().flatten() {
            let target = target.as_str();
            if !state.index.contains_key(target) {
                visit(state, target);
                let low = state.low[node].min(state.low[target]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(target) {
                let low = state.low[node].min(state.index[target]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(member);
                component.push(member.to_string());
                if member == node {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !state.index.contains_key(node.as_str()) {
            visit(&mut state, node);
        }
    }
    state.found
}

fn import_graph(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files = rust_files(root);
    let modules: BTreeSet<String> = files.iter().map(|file| module_of(root, file)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(root, file);
        let edges = graph.entry(from.clone()).or_default();
        for path in crate_paths(&code_of(file)) {
            // The longest prefix of the path that is a module.
            let target = (1..=path.len())
                .rev()
                .map(|len| path[..len].join("::"))
                .find(|candidate| modules.contains(candidate))
                .unwrap_or_default();
            if !is_family(&from, &target) {
                edges.insert(target);
            }
        }
    }
    graph
}

#[test]
fn no_import_cycle_among_the_modules_of_either_crate() {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut report = Vec::new();
    for (name, folder) in CRATES {
        let graph = import_graph(&checkout.join(folder));
        assert!(
            graph.len() > 10,
            "{name}: only {} modules found",
            graph.len()
        );
        for cycle in cycles(&graph) {
            report.push(format!("{name}: {}", cycle.join(" ↔ ")));
        }
    }
    assert!(report.is_empty(), "import cycles:\n{}", report.join("\n"));
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(from, to)| {
        (
            from.to_string(),
            to.into_iter().map(str::to_string).collect(),
        )
    })
    .collect();
    assert_eq!(cycles(&graph), vec![vec!["a", "b", "c"]]);
    assert!(is_family("rules", "rules::tag_vocabulary"));
    assert!(!is_family("rules", "rules_x"));
    assert_eq!(
        crate_paths("use crate::config::{Config, Resources};\nlet x = crate::rules::find(y);"),
        vec![
            vec!["config".to_string()],
            vec!["rules".to_string(), "find".to_string()]
        ]
    );
}

/// Rule names are written once, in the rule table of `rules/mod.rs`; code
/// elsewhere names a rule by its `RuleId`. Tests may spell them out.
#[test]
fn no_rule_name_is_a_string_outside_the_rule_table() {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = checkout.join("crates/copydesk-core/src/rules/mod.rs");
    let names: Vec<String> = std::fs::read_to_string(&table)
        .unwrap()
        .lines()
        .filter_map(|line| {
            // A table line: `Id field "name" (Options)`.
            let line = line.trim();
            let first = line.chars().next()?;
            if !first.is_ascii_uppercase() || !line.contains(" (") {
                return None;
            }
            Some(line.split('"').nth(1)?.to_string())
        })
        .collect();
    assert!(names.len() >= 12, "the rule table has only {names:?}");
    let mut found = Vec::new();
    for (_, folder) in CRATES {
        for file in rust_files(&checkout.join(folder)) {
            let is_test = file
                .file_name()
                .is_some_and(|name| name == "tests.rs" || name == "test_support.rs");
            if file == table || is_test {
                continue;
            }
            let code = code_of(&file);
            for name in &names {
                if code.contains(&format!("\"{name}\"")) {
                    found.push(format!(
                        "{}: \"{name}\"",
                        file.strip_prefix(checkout).unwrap().display()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "rule names written outside the rule table:\n{}",
        found.join("\n")
    );
}

/// The README's table of rules lists every rule of the registry, once.
#[test]
fn the_readme_lists_every_rule() {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(checkout.join("README.md")).unwrap();
    let rows: Vec<&str> = readme
        .lines()
        .filter_map(|line| line.strip_prefix("| [`")?.split('`').next())
        .collect();
    let mut listed = rows.clone();
    listed.sort_unstable();
    let names: Vec<&str> = copydesk_core::rules::REGISTRY
        .iter()
        .map(|info| info.name)
        .collect();
    assert_eq!(listed, names, "README rows: {rows:?}");
}
