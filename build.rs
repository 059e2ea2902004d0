//! Build script: a build id from the sources, data files and the lock file, so cache keys
//! change whenever the extraction code or its data can have changed (a rolling deploy never
//! serves an older build's extraction as new), without needing git.

use std::fs;
use std::path::Path;

fn fnv(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else {
            files.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    files.push("Cargo.lock".into());
    files.push("Cargo.toml".into());
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        fnv(&mut h, f.to_string_lossy().as_bytes());
        if let Ok(b) = fs::read(f) {
            fnv(&mut h, &b);
        }
    }
    println!(
        "cargo:rustc-env=VNARTICLE_BUILD_ID={:012x}",
        h & 0xffff_ffff_ffff
    );
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.toml");
}
