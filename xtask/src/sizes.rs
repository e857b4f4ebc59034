//! The app's transfer size: raw, gzip and brotli, as a browser would download it.

use std::path::Path;

use anyhow::Context;

use crate::compress::{brotli, gzip};

/// Prints the size of each `.wasm`, `.js`, `.css` and `.html` file in `app`, their total, and
/// what the first page needs before the app (the page, its style, boot.js and the quick search);
/// returns the total brotli size and the first page's, in bytes.
pub fn print(app: &Path) -> anyhow::Result<(usize, usize)> {
    println!("\n  app size                         raw        gzip      brotli");
    let mut totals = (0, 0, 0);
    let mut first_page = 0;
    let mut entries: Vec<_> = std::fs::read_dir(app)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().to_string();
        let kind = if name.ends_with(".wasm") {
            "wasm"
        } else if name.ends_with(".js") {
            "js"
        } else if name.ends_with(".css") {
            "css"
        } else if name.ends_with(".html") {
            "html"
        } else {
            continue;
        };
        let bytes = std::fs::read(entry.path()).with_context(|| format!("cannot read {name}"))?;
        let (raw, gz, br) = (bytes.len(), gzip(&bytes)?.len(), brotli(&bytes)?.len());
        totals = (totals.0 + raw, totals.1 + gz, totals.2 + br);
        let before_app =
            kind == "css" || kind == "html" || name.starts_with("boot") || name.starts_with("casebook-start");
        if before_app {
            first_page += br;
        }
        let what = if name.starts_with("casebook-start") {
            format!("{kind} (quick search)")
        } else if name.starts_with("boot") {
            format!("{kind} (boot)")
        } else {
            kind.to_string()
        };
        println!("  {what:<19} {:>12} {:>11} {:>11}", kib(raw), kib(gz), kib(br));
    }
    println!(
        "  {:<19} {:>12} {:>11} {:>11}",
        "total",
        kib(totals.0),
        kib(totals.1),
        kib(totals.2)
    );
    println!(
        "  the first page searches with {} (brotli) before the app: page, style, boot.js, quick search",
        kib(first_page)
    );
    Ok((totals.2, first_page))
}

pub fn kib(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
