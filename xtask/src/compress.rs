//! Compression at build time: brotli (quality 11) and gzip (best) copies of the app's text
//! files, written next to them in `dist/` so the server sends them as they are
//! (`ServeDir::precompressed_br`) instead of compressing each response at a low level.
//!
//! `index.html` is left alone: the server answers it itself, with the CSP of its boot script.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// File endings worth compressing; everything else (images, fonts) is already compact.
const COMPRESSIBLE: &[&str] = &[".wasm", ".js", ".css", ".html", ".svg", ".json", ".txt", ".webmanifest"];

/// Writes `NAME.br` and `NAME.gz` next to each compressible file under `dir`, when smaller.
pub fn precompress(dir: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            precompress(&path)?;
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "index.html" || !COMPRESSIBLE.iter().any(|ending| name.ends_with(ending)) {
            continue;
        }
        let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        for (ending, compressed) in [("br", brotli(&bytes)?), ("gz", gzip(&bytes)?)] {
            let target = dir.join(format!("{name}.{ending}"));
            if compressed.len() < bytes.len() {
                std::fs::write(&target, compressed).with_context(|| format!("cannot write {}", target.display()))?;
            } else if target.exists() {
                // A copy left from an earlier build would be served instead of the file.
                std::fs::remove_file(&target)?;
            }
        }
    }
    Ok(())
}

pub fn gzip(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

pub fn brotli(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}
