//! The layers of `ARCHITECTURE.md` hold in the code: every `crate::` path in
//! `src/` points to a module of the same layer or a lower one, the modules
//! form no circle, and the core does no I/O.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layer table between `<!-- layers -->` and `<!-- /layers -->`.
fn layers() -> BTreeMap<String, u32> {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = doc
        .find("<!-- layers -->")
        .expect("ARCHITECTURE.md has a layer table");
    let end = doc.find("<!-- /layers -->").expect("the layer table ends");
    let mut out = BTreeMap::new();
    for row in doc[start..end].lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        let Ok(layer) = cells[0].parse::<u32>() else {
            continue;
        };
        for m in cells[1].split(',') {
            out.insert(m.trim().trim_matches('`').to_owned(), layer);
        }
    }
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file of the library (not the binary), with its top module.
fn sources() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&src).unwrap();
            let first = rel.components().next()?.as_os_str().to_str()?.to_owned();
            let top = first.trim_end_matches(".rs").to_owned();
            (top != "bin" && top != "lib").then_some((top, p))
        })
        .collect()
}

/// The code of a file without its comments (doc links name modules too).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the crate root re-exports, by the module each name comes from.
fn root_exports() -> BTreeMap<String, String> {
    let lib = code(&root().join("src/lib.rs"));
    let mut out = BTreeMap::new();
    for stmt in lib.split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt
            .strip_prefix("pub use ")
            .or_else(|| stmt.rsplit_once("\npub use ").map(|(_, r)| r))
        else {
            continue;
        };
        let (module, names) = rest.split_once("::").unwrap();
        let names = names.trim_start_matches('{').trim_end_matches('}');
        for name in names.split(',') {
            let name = name.trim().rsplit("::").next().unwrap().trim();
            if !name.is_empty() {
                out.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    out
}

/// The modules each module names through `crate::`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let exports = root_exports();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (top, path) in sources() {
        let text = code(&path);
        let mut names = Vec::new();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + "crate::".len()..];
            if rest.starts_with('{') {
                let group = &rest[1..rest.find('}').unwrap_or(rest.len())];
                names.extend(group.split(',').map(|n| n.trim().to_owned()));
            } else {
                names.push(rest.to_owned());
            }
        }
        let deps = out.entry(top.clone()).or_default();
        for n in names {
            let head: String = n
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let module = exports.get(&head).cloned().unwrap_or(head);
            if !module.is_empty() && module != top {
                deps.insert(module);
            }
        }
    }
    out
}

#[test]
fn every_module_is_on_a_layer() {
    let layers = layers();
    let missing: BTreeSet<String> = sources()
        .into_iter()
        .map(|(top, _)| top)
        .filter(|top| !layers.contains_key(top))
        .collect();
    assert!(
        missing.is_empty(),
        "modules missing from ARCHITECTURE.md's layer table: {missing:?}"
    );
}

#[test]
fn imports_go_down_the_layers_only() {
    let layers = layers();
    let mut wrong = Vec::new();
    for (from, deps) in imports() {
        let Some(&lf) = layers.get(&from) else {
            continue;
        };
        for to in deps {
            match layers.get(&to) {
                Some(&lt) if lt <= lf => {}
                Some(&lt) => wrong.push(format!("{from} (layer {lf}) imports {to} (layer {lt})")),
                None => wrong.push(format!("{from} imports {to}, which is on no layer")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows up the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_modules_form_no_circle() {
    let graph = imports();
    // Depth-first search; a module met again on the current path closes a circle.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut circle = path[i..].to_vec();
            circle.push(m.to_owned());
            return Some(circle);
        }
        if !done.insert(m.to_owned()) {
            return None;
        }
        path.push(m.to_owned());
        for d in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        if let Some(circle) = visit(m, &graph, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_core_does_no_io() {
    let core = ["model", "rulebook", "mission", "assess", "analysis"];
    let io = [
        "std::fs",
        "std::net",
        "std::io::stdin",
        "SystemTime",
        "Instant::now",
        "std::env",
    ];
    let mut found = Vec::new();
    for (top, path) in sources() {
        if !core.contains(&top.as_str()) {
            continue;
        }
        let text = code(&path);
        for word in io {
            if text.contains(word) {
                found.push(format!("{}: {word}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "I/O in the core:\n{}", found.join("\n"));
}

/// The check itself notices an arrow up the layers: a made-up import of
/// `report` from `rulebook` is caught.
#[test]
fn the_check_catches_a_wrong_arrow() {
    let layers = layers();
    assert!(layers["report"] > layers["rulebook"]);
    let exports = root_exports();
    assert_eq!(
        exports.get("Rulebook").map(String::as_str),
        Some("rulebook")
    );
    assert_eq!(exports.get("assess").map(String::as_str), Some("assess"));
    let graph = imports();
    assert!(
        graph["assess"].contains("rulebook"),
        "{:?}",
        graph["assess"]
    );
    assert!(graph["report"].contains("assess"), "{:?}", graph["report"]);
}
