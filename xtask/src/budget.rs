//! The app's size budgets: `cargo xtask dist` fails when the app's brotli size, or the first
//! page's (what searches before the app arrives), grows more than [`TOLERANCE_PERCENT`] over
//! the size recorded in `xtask/size-budget.toml`, so a first visit on a poor line never gets
//! slower by accident. Raising one is a deliberate, reviewed edit.

use anyhow::{Context, bail};

use crate::root;
use crate::sizes::kib;

/// The budget file, relative to the workspace root.
pub const FILE: &str = "xtask/size-budget.toml";
/// How far over the recorded size a build may grow before `dist` fails.
pub const TOLERANCE_PERCENT: usize = 10;
const APP: &str = "app_brotli_bytes";
const FIRST_PAGE: &str = "first_page_brotli_bytes";

/// Checks the app's total brotli size, and the first page's, against the recorded budgets.
pub fn check(app_bytes: usize, first_page_bytes: usize) -> anyhow::Result<()> {
    let path = root().join(FILE);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    check_one(&text, APP, "the app", app_bytes)?;
    check_one(&text, FIRST_PAGE, "the first page", first_page_bytes)
}

fn check_one(text: &str, key: &str, what: &str, brotli_bytes: usize) -> anyhow::Result<()> {
    let budget = parse(text, key).with_context(|| format!("in {FILE}"))?;
    match verdict(brotli_bytes, budget) {
        Verdict::Within => {
            println!(
                "  size budget of {what}: {} brotli of {} recorded in {FILE} (at most +{TOLERANCE_PERCENT} %)",
                kib(brotli_bytes),
                kib(budget)
            );
            Ok(())
        }
        Verdict::Over { percent } => bail!(
            "{what} is {} brotli, {percent:.1} % over its budget of {} (more than the {TOLERANCE_PERCENT} % allowed).\n\
             Make it smaller (the sizes above show which file grew), or, if the growth is worth it, \
             raise the budget deliberately: set `{key} = {brotli_bytes}` in {FILE} and say why in the commit.",
            kib(brotli_bytes),
            kib(budget)
        ),
    }
}

#[derive(Debug, PartialEq)]
enum Verdict {
    Within,
    Over { percent: f64 },
}

fn verdict(brotli_bytes: usize, budget: usize) -> Verdict {
    if brotli_bytes * 100 <= budget * (100 + TOLERANCE_PERCENT) {
        Verdict::Within
    } else {
        Verdict::Over {
            percent: (brotli_bytes as f64 / budget as f64 - 1.0) * 100.0,
        }
    }
}

/// Reads `key = N` (digits, `_` allowed) from the budget file.
fn parse(text: &str, key: &str) -> anyhow::Result<usize> {
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if let Some((name, value)) = line.split_once('=')
            && name.trim() == key
        {
            return value
                .trim()
                .replace('_', "")
                .parse()
                .with_context(|| format!("`{key}` is not a whole number of bytes: {value:?}"));
        }
    }
    bail!("no `{key} = <bytes>` line")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_read_with_comments_and_underscores() {
        let text = "# why\napp_brotli_bytes = 295_123 # today\nfirst_page_brotli_bytes = 100_000\n";
        assert_eq!(parse(text, APP).ok(), Some(295_123));
        assert_eq!(parse(text, FIRST_PAGE).ok(), Some(100_000));
        assert!(parse("app_brotli_bytes = lots\n", APP).is_err());
        assert!(parse("other = 1\n", APP).is_err());
    }

    #[test]
    fn up_to_ten_percent_over_passes_and_more_fails() {
        assert_eq!(verdict(100_000, 100_000), Verdict::Within);
        assert_eq!(verdict(50_000, 100_000), Verdict::Within);
        assert_eq!(verdict(110_000, 100_000), Verdict::Within);
        assert!(matches!(verdict(110_001, 100_000), Verdict::Over { percent } if percent > 10.0));
    }
}
