#!/usr/bin/python3
"""Packs the extension for the stores: artifacts/portalguard-chrome-<version>.zip (Chrome Web Store, Edge Add-ons) and
artifacts/portalguard-firefox-<version>.zip (addons.mozilla.org), from extension/ as it is in the repository.

- Only what the browser loads goes in: _locales, background, common, content, icons and the manifest (not test/, tools/).
- Chrome/Edge: manifest.json without "key" (the Web Store refuses an uploaded key and assigns the id itself; the key only
  pins the id of an unpacked development copy). Firefox: manifest.firefox.json stored as manifest.json.
- Reproducible: sorted entries, fixed timestamps and permissions, so the same sources give the same bytes.
"""
import json
import pathlib
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"
SHIPPED = ["_locales", "background", "common", "content", "icons"]
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def files():
    for folder in SHIPPED:
        for path in sorted((EXTENSION / folder).rglob("*")):
            if path.is_file():
                yield path.relative_to(EXTENSION).as_posix(), path.read_bytes()


def write_zip(target, manifest):
    entries = [("manifest.json", (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())] + list(files())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    print(f"{target.relative_to(ROOT)}  ({len(entries)} files, {target.stat().st_size} bytes)")


def main():
    chromium = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    firefox = json.loads((EXTENSION / "manifest.firefox.json").read_text(encoding="utf-8"))
    if chromium["version"] != firefox["version"]:
        sys.exit("manifest.json and manifest.firefox.json disagree on the version: run node extension/tools/firefox-manifest.mjs")
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    store_manifest = {k: v for k, v in chromium.items() if k != "key"}
    write_zip(out / f"portalguard-chrome-{chromium['version']}.zip", store_manifest)
    write_zip(out / f"portalguard-firefox-{firefox['version']}.zip", firefox)


if __name__ == "__main__":
    main()
