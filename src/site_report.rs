//! `copydesk report`: one self-contained HTML page about a whole site, for an
//! editor-in-chief. Inline SVG, no script, no network at view time.

use std::collections::BTreeMap;
use std::fmt::Write;

use copydesk_core::config::options_of;
use copydesk_core::dates::PostDate;
use copydesk_core::front_matter::Value;
use copydesk_core::reading_time::estimate;
use copydesk_core::rules::reading_time::declared;
use copydesk_core::rules::RuleId;
use copydesk_core::site::{check_site, Post, PostFacts};
use copydesk_core::vocabulary::{normalize_tag, starter_terms};
use copydesk_core::{tr, Language};
use rayon::prelude::*;

use crate::discover::{slash_path, Target, WalkFailure};

/// A post's declared and estimated minutes, and the plausible range.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub declared: f64,
    pub estimated: f64,
    pub lowest: f64,
    pub highest: f64,
}

impl Reading {
    fn is_plausible(&self) -> bool {
        (self.lowest..=self.highest).contains(&self.declared)
    }
}

/// What the report needs of one post.
pub struct PostSummary {
    pub path: String,
    pub title: String,
    pub month: Option<String>,
    pub findings: BTreeMap<String, usize>,
    pub reading: Option<Reading>,
    pub tags: Vec<String>,
    pub facts: PostFacts,
    pub settings: copydesk_core::site::SiteSettings,
}

/// Every post, with the site-wide findings counted in with its own, and the
/// posts that could not be read.
pub fn summarize(
    targets: &[Target],
) -> (
    Vec<PostSummary>,
    Vec<copydesk_core::site::SiteFinding>,
    Vec<WalkFailure>,
) {
    let summaries: Vec<Result<PostSummary, WalkFailure>> =
        targets.par_iter().map(summarize_one).collect();
    let (mut posts, mut failures) = (Vec::new(), Vec::new());
    for summary in summaries {
        match summary {
            Ok(post) => posts.push(post),
            Err(failure) => failures.push(failure),
        }
    }
    let findings = {
        let site: Vec<Post> = posts
            .iter()
            .map(|post| Post::new(&post.path, &post.facts, post.settings))
            .collect();
        check_site(&site)
    };
    for finding in &findings {
        *posts[finding.post]
            .findings
            .entry(finding.diagnostic.rule.to_string())
            .or_default() += 1;
    }
    (posts, findings, failures)
}

fn summarize_one(target: &Target) -> Result<PostSummary, WalkFailure> {
    let path = slash_path(&target.path);
    let config = &target.config.config;
    let linted =
        copydesk_core::session::lint_bytes(config, &target.relative, &path, target.read()?)
            .map_err(|error| target.failure(error.to_string()))?;
    let document = match &linted.document {
        Ok(document) => document,
        Err(error) => return Err(target.failure(error.to_string())),
    };
    let rules = config.rules_for(&target.relative);
    let mut findings = BTreeMap::new();
    for diagnostic in &linted.diagnostics {
        *findings.entry(diagnostic.rule.to_string()).or_default() += 1;
    }
    let reading_options = options_of(&rules.reading_time);
    let reading = reading_options
        .fields
        .iter()
        .find_map(|field| document.front_matter.get(field))
        .and_then(|entry| {
            let (minutes, _) = declared(document, entry)?;
            let estimate = estimate(document, &reading_options.model);
            Some(Reading {
                declared: minutes,
                estimated: estimate.minutes,
                lowest: estimate.lowest,
                highest: estimate.highest,
            })
        });
    let date = document
        .front_matter
        .get("date")
        .and_then(|entry| entry.value.as_str().map(str::to_string));
    let file_date = path
        .rsplit('/')
        .next()
        .and_then(|name| name.get(..10))
        .map(str::to_string);
    let month = date
        .iter()
        .chain(&file_date)
        .find_map(|text| PostDate::parse(text).ok())
        .map(|date| format!("{:04}-{:02}", date.date.year(), date.date.month()));
    let tag_fields = options_of(&rules.tag_vocabulary).fields;
    let tags = tag_fields
        .iter()
        .filter_map(|field| document.front_matter.get(field))
        .flat_map(|entry| match &entry.value {
            Value::List(items) => items
                .iter()
                .filter_map(|item| item.value.as_str().map(str::to_string))
                .collect(),
            Value::String(text) => text.split_whitespace().map(str::to_string).collect(),
            _ => Vec::new(),
        })
        .collect();
    let facts = PostFacts::of(document);
    let title = facts
        .title
        .as_ref()
        .map_or_else(|| path.clone(), |fact| fact.text.clone());
    Ok(PostSummary {
        path,
        title,
        month,
        findings,
        reading,
        tags,
        facts,
        settings: linted.rule_set.site,
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A link to a post: `./`-relative, so no path (`javascript:alert(1).md`)
/// can become a URL scheme, with what a URL cannot hold percent-encoded.
fn post_href(path: &str) -> String {
    let mut href = String::from(if path.starts_with('/') {
        "file://"
    } else {
        "./"
    });
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            href.push(char::from(byte));
        } else {
            let _ = write!(href, "%{byte:02X}");
        }
    }
    href
}

/// A title as HTML: control characters and U+FFFD written as escapes, with a
/// flag, so a title damaged in transit shows as damaged.
fn title_html(title: &str) -> String {
    let broken = |c: char| (c.is_control() && c != '\t') || c == '\u{FFFD}';
    if !title.chars().any(broken) {
        return escape(title);
    }
    let shown: String = title
        .chars()
        .map(|c| {
            if broken(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    format!(
        "<code class=\"broken\">{}</code> <span class=\"flag\">broken characters</span>",
        escape(&shown)
    )
}

fn bar_chart(id: &str, rows: &[(String, usize)]) -> String {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1) as f64;
    let height = rows.len() * 22 + 10;
    let mut svg =
        format!("<svg id=\"{id}\" class=\"chart\" viewBox=\"0 0 720 {height}\" role=\"img\">");
    for (at, (label, n)) in rows.iter().enumerate() {
        let y = at * 22 + 5;
        let width = (*n as f64 / max * 420.0).max(1.0);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" class=\"label\">{}</text><rect x=\"250\" y=\"{y}\" width=\"{width:.1}\" height=\"16\"/><text x=\"{:.1}\" y=\"{}\">{n}</text>",
            y + 13,
            escape(label),
            256.0 + width,
            y + 13
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A round step (1, 2 or 5 times a power of ten) giving at most seven ticks
/// from 0 to `max`.
fn tick_step(max: f64) -> f64 {
    let rough = max / 6.0;
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| max / step <= 6.0)
        .unwrap_or(10.0 * power)
}

/// Declared against estimated minutes; the band is where copydesk accepts a
/// declaration (fast reader minus a minute to slow reader plus a minute).
fn scatter(posts: &[PostSummary], language: Language) -> String {
    let points: Vec<(&PostSummary, Reading)> = posts
        .iter()
        .filter_map(|post| Some((post, post.reading?)))
        .collect();
    let max = points
        .iter()
        .map(|(_, reading)| reading.declared.max(reading.estimated).max(reading.highest))
        .fold(10.0_f64, f64::max)
        .ceil();
    let (size, pad) = (560.0, 40.0);
    let x = |minutes: f64| pad + minutes / max * size;
    let y = |minutes: f64| pad + size - minutes / max * size;
    let mut svg = format!(
        "<svg id=\"reading-time-scatter\" class=\"chart\" viewBox=\"0 0 {w} {w}\" role=\"img\" aria-label=\"{label}\">",
        w = size + 2.0 * pad,
        label = escape(&tr!(language, "report-scatter-label")),
    );
    // The band, from each post's own range, drawn as a polygon over sorted estimates.
    let mut band: Vec<(f64, f64, f64)> = points
        .iter()
        .map(|(_, reading)| (reading.estimated, reading.lowest.max(0.0), reading.highest))
        .collect();
    band.sort_by(|a, b| a.0.total_cmp(&b.0));
    if !band.is_empty() {
        let upper: Vec<String> = band
            .iter()
            .map(|(e, _, h)| format!("{:.1},{:.1}", x(*e), y(h.min(max))))
            .collect();
        let lower: Vec<String> = band
            .iter()
            .rev()
            .map(|(e, l, _)| format!("{:.1},{:.1}", x(*e), y(*l)))
            .collect();
        let _ = write!(
            svg,
            "<polygon class=\"band\" points=\"{} {}\"/>",
            upper.join(" "),
            lower.join(" ")
        );
    }
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{pad}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\"/><line class=\"axis\" x1=\"{pad}\" y1=\"{pad}\" x2=\"{pad}\" y2=\"{b}\"/>\
         <text class=\"axis-label\" x=\"{r}\" y=\"{t}\" text-anchor=\"end\">{estimated}</text><text class=\"axis-label\" x=\"4\" y=\"{ty}\">{declared}</text>",
        b = pad + size,
        r = pad + size,
        t = pad + size + 34.0,
        ty = pad - 16.0,
        estimated = escape(&tr!(language, "report-estimated-minutes")),
        declared = escape(&tr!(language, "report-declared-minutes")),
    );
    // Ticks at a round step, about six on each axis, each with its value.
    let step = tick_step(max);
    let mut tick = 0.0;
    while tick <= max + 1e-9 {
        let _ = write!(
            svg,
            "<line class=\"tick\" x1=\"{x:.1}\" y1=\"{b}\" x2=\"{x:.1}\" y2=\"{b6}\"/><text class=\"x-tick\" x=\"{x:.1}\" y=\"{b18}\" text-anchor=\"middle\">{tick}</text>\
             <line class=\"tick\" x1=\"{l6}\" y1=\"{y:.1}\" x2=\"{pad}\" y2=\"{y:.1}\"/><text class=\"y-tick\" x=\"{l8}\" y=\"{y4:.1}\" text-anchor=\"end\">{tick}</text>",
            x = x(tick),
            y = y(tick),
            y4 = y(tick) + 4.0,
            b = pad + size,
            b6 = pad + size + 6.0,
            b18 = pad + size + 18.0,
            l6 = pad - 6.0,
            l8 = pad - 8.0,
        );
        tick += step;
    }
    for (post, reading) in &points {
        let (declared, estimated) = (reading.declared, reading.estimated);
        let class = if reading.is_plausible() { "ok" } else { "off" };
        let _ = write!(
            svg,
            "<circle class=\"{class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\"><title>{}: declares {declared} min, reads in about {:.1}</title></circle>",
            x(estimated),
            y(declared.min(max)),
            escape(&post.path),
            estimated
        );
    }
    svg.push_str("</svg>");
    svg
}

pub fn render(
    site: &str,
    posts: &[PostSummary],
    site_findings: &[copydesk_core::site::SiteFinding],
    language: Language,
) -> String {
    let t = |id: &'static str| escape(&copydesk_core::messages::text(language, id, &[]));
    let total: usize = posts
        .iter()
        .map(|post| post.findings.values().sum::<usize>())
        .sum();
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_month: BTreeMap<String, usize> = BTreeMap::new();
    for post in posts {
        for (rule, n) in &post.findings {
            *by_rule.entry(rule.clone()).or_default() += n;
        }
        if let Some(month) = &post.month {
            *by_month.entry(month.clone()).or_default() += post.findings.values().sum::<usize>();
        }
    }
    let mut rules: Vec<(String, usize)> = by_rule.into_iter().collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let months: Vec<(String, usize)> = by_month.into_iter().collect();
    let mut worst: Vec<&PostSummary> = posts
        .iter()
        .filter(|post| !post.findings.is_empty())
        .collect();
    worst.sort_by(|a, b| {
        b.findings
            .values()
            .sum::<usize>()
            .cmp(&a.findings.values().sum::<usize>())
            .then_with(|| a.path.cmp(&b.path))
    });
    worst.truncate(25);
    let implausible = posts
        .iter()
        .filter(|post| post.reading.is_some_and(|reading| !reading.is_plausible()))
        .count();
    let with_reading = posts.iter().filter(|post| post.reading.is_some()).count();

    let tag_sets: Vec<std::collections::HashSet<String>> = posts
        .iter()
        .map(|post| post.tags.iter().cloned().collect())
        .collect();
    let terms = starter_terms(&tag_sets);
    // Near-duplicates: distinct terms one or two edits apart once normalized.
    let top: Vec<&copydesk_core::vocabulary::StarterTerm> = terms.iter().take(300).collect();
    let mut near = Vec::new();
    for (at, a) in top.iter().enumerate() {
        for b in &top[at + 1..] {
            let (na, nb) = (normalize_tag(&a.name), normalize_tag(&b.name));
            let limit = na.chars().count().min(nb.chars().count()).max(3) / 3;
            if strsim::levenshtein(&na, &nb) <= limit.max(1) && na.chars().count() > 3 {
                near.push((a.name.clone(), b.name.clone()));
            }
        }
    }

    // Site-wide groups as the site pass makes them (by normalized title or
    // excerpt, or by the template excerpts fill in), one row each.
    let mut titles: BTreeMap<usize, Vec<&PostSummary>> = BTreeMap::new();
    let mut excerpts: BTreeMap<usize, (String, Vec<&PostSummary>)> = BTreeMap::new();
    for finding in site_findings {
        let post = &posts[finding.post];
        match RuleId::from_name(&finding.diagnostic.rule) {
            Some(RuleId::DuplicateTitleAcrossPosts) => {
                titles.entry(finding.group).or_default().push(post)
            }
            Some(RuleId::BoilerplateExcerpt) => excerpts
                .entry(finding.group)
                .or_insert_with(|| (finding.diagnostic.message.clone(), Vec::new()))
                .1
                .push(post),
            _ => {}
        }
    }
    let mut titles: Vec<Vec<&PostSummary>> = titles.into_values().collect();
    let mut excerpts: Vec<(String, Vec<&PostSummary>)> = excerpts.into_values().collect();
    for group in titles
        .iter_mut()
        .chain(excerpts.iter_mut().map(|(_, group)| group))
    {
        group.sort_by(|a, b| a.path.cmp(&b.path));
        group.dedup_by(|a, b| a.path == b.path);
    }
    titles.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then_with(|| a[0].path.cmp(&b[0].path))
    });
    excerpts.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let post_links = |group: &[&PostSummary]| -> String {
        group
            .iter()
            .map(|post| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    escape(&post_href(&post.path)),
                    escape(&post.path)
                )
            })
            .collect::<Vec<_>>()
            .join("<br>")
    };

    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>{title}</title><style>{STYLE}</style></head><body><main>\
         <h1>{heading}</h1><p class=\"site\">{site}</p>\
         <section class=\"numbers\"><div>{posts}</div><div>{findings}</div><div>{implausible}</div><div>{duplicates}</div></section>",
        lang = language.code(),
        title = escape(&tr!(language, "report-title", site = site)),
        heading = t("report-heading"),
        site = escape(site),
        posts = tr!(language, "report-posts", count = format!("<b id=\"post-count\">{}</b>", posts.len())),
        findings = tr!(language, "report-findings", count = format!("<b id=\"finding-count\">{total}</b>")),
        implausible = tr!(
            language,
            "report-implausible",
            count = format!("<b>{implausible}</b>"),
            total = with_reading
        ),
        duplicates = tr!(
            language,
            "report-duplicate-titles-count",
            count = format!("<b>{}</b>", titles.iter().map(Vec::len).sum::<usize>())
        ),
    );
    let _ = write!(
        html,
        "<section><h2>{}</h2>{}",
        t("report-findings-per-rule"),
        bar_chart("findings-by-rule-chart", &rules)
    );
    let _ = write!(
        html,
        "<table id=\"findings-by-rule\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
        t("report-rule"),
        t("report-findings-column")
    );
    for (rule, n) in &rules {
        let _ = write!(
            html,
            "<tr><td><code>{}</code></td><td class=\"n\">{n}</td></tr>",
            escape(rule)
        );
    }
    html.push_str("</tbody></table></section>");
    let _ = write!(
        html,
        "<section><h2>{}</h2><table id=\"top-posts\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t("report-worst-posts"),
        t("report-post"),
        t("report-findings-column"),
        t("report-by-rule")
    );
    for post in &worst {
        let detail: Vec<String> = post
            .findings
            .iter()
            .map(|(rule, n)| format!("{} {n}", escape(rule)))
            .collect();
        let _ = write!(
            html,
            "<tr><td><a href=\"{}\">{}</a><br><small>{}</small></td><td class=\"n\">{}</td><td><small>{}</small></td></tr>",
            escape(&post_href(&post.path)),
            title_html(&post.title),
            escape(&post.path),
            post.findings.values().sum::<usize>(),
            detail.join(", ")
        );
    }
    html.push_str("</tbody></table></section>");
    let _ = write!(
        html,
        "<section><h2>{}</h2><p>{}</p>{}</section>",
        t("report-reading-time"),
        t("report-reading-time-help"),
        scatter(posts, language)
    );
    let _ = write!(
        html,
        "<section><h2>{}</h2>{}</section>",
        t("report-findings-by-month"),
        bar_chart("findings-by-month", &months)
    );
    let _ = write!(
        html,
        "<section><h2>{}</h2><table id=\"tags\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t("report-tags"),
        t("report-tag"),
        t("report-posts-column"),
        t("report-variants")
    );
    for term in terms.iter().take(60) {
        let variants: Vec<String> = term
            .aliases
            .iter()
            .map(|(alias, n)| format!("{} ({n})", escape(alias)))
            .collect();
        let _ = write!(
            html,
            "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            escape(&term.name),
            term.posts,
            variants.join(", ")
        );
    }
    html.push_str("</tbody></table>");
    if !near.is_empty() {
        let _ = write!(
            html,
            "<p>{}</p><ul id=\"near-duplicates\">",
            t("report-near-duplicates")
        );
        for (a, b) in near.iter().take(40) {
            let _ = write!(html, "<li>{} / {}</li>", escape(a), escape(b));
        }
        html.push_str("</ul>");
    }
    let _ = write!(
        html,
        "</section><section><h2>{}</h2><h3>{}</h3><table id=\"duplicate-titles\"><thead><tr><th>{}</th><th>{}</th><th></th></tr></thead><tbody>",
        t("report-site-wide"),
        t("report-duplicate-titles"),
        t("report-title-column"),
        t("report-posts-column")
    );
    for group in &titles {
        let _ = write!(
            html,
            "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            title_html(&group[0].title),
            group.len(),
            post_links(group)
        );
    }
    let _ = write!(
        html,
        "</tbody></table><h3>{}</h3><table id=\"boilerplate-excerpts\"><thead><tr><th>{}</th><th>{}</th><th></th></tr></thead><tbody>",
        t("report-boilerplate"),
        t("report-excerpt-column"),
        t("report-posts-column")
    );
    for (message, group) in &excerpts {
        let excerpt = group[0]
            .facts
            .excerpt
            .as_ref()
            .map_or("", |excerpt| excerpt.text.as_str());
        let _ = write!(
            html,
            "<tr><td>{}<br><small>{}</small></td><td class=\"n\">{}</td><td>{}</td></tr>",
            escape(excerpt),
            escape(message),
            group.len(),
            post_links(group)
        );
    }
    let _ = writeln!(
        html,
        "</tbody></table></section><footer>{}</footer></main></body></html>",
        tr!(
            language,
            "report-footer",
            command = "<code>copydesk report</code>"
        )
    );
    html
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans CJK JP','Noto Sans JP','Yu Gothic',Meiryo,sans-serif;margin:0;background:#fafafa;color:#222}\
main{max-width:980px;margin:0 auto;padding:24px}h1{margin-bottom:0}.site{color:#666;margin-top:4px}\
section{background:#fff;border:1px solid #e4e4e4;border-radius:8px;padding:16px 20px;margin:16px 0}\
.numbers{display:flex;gap:24px;flex-wrap:wrap}.numbers b{font-size:1.6em;display:block}\
table{border-collapse:collapse;width:100%;margin-top:8px}td,th{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.chart{width:100%;height:auto;font-size:12px}\
.chart rect{fill:#4a7bd0}.chart .label{fill:#333}.band{fill:#d6ecd6}.axis{stroke:#999}circle.ok{fill:#2a7a2a}circle.off{fill:#c0392b}\
small{color:#666}a{color:#2456a6}.tick{stroke:#999}.flag{color:#c0392b;font-size:.85em}footer{color:#888;font-size:.9em;margin:24px 0}";
