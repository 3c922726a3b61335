#!/usr/bin/python3
"""Packs the extension for the stores: artifacts/portalguard-chrome-<version>.zip (Chrome Web Store, Edge Add-ons) and
artifacts/portalguard-firefox-<version>.zip (addons.mozilla.org), from extension/ as it is in the repository.
Usage: scripts/pack-extension.py [output folder]   (default: artifacts/)

- What the browser loads goes in: every file of extension/ but its tests, tools and npm files (as
  extension/tools/build-firefox.mjs does); every file the manifest names is checked to be there.
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
LEFT_OUT = {"test", "tools", "node_modules", "manifest.json", "manifest.firefox.json", "package.json", "package-lock.json"}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def files():
    for path in sorted(EXTENSION.rglob("*")):
        relative = path.relative_to(EXTENSION)
        if path.is_file() and relative.parts[0] not in LEFT_OUT:
            yield relative.as_posix(), path.read_bytes()


def named_by(manifest):
    """Every file a manifest points at: a store rejects a package where one is missing, a browser shows a broken popup."""
    action = manifest.get("action", {})
    background = manifest.get("background", {})
    names = list(manifest.get("icons", {}).values()) + list(action.get("default_icon", {}).values())
    names += [action.get("default_popup"), manifest.get("options_ui", {}).get("page"), background.get("service_worker")]
    names += background.get("scripts", [])
    names += [script for entry in manifest.get("content_scripts", []) for script in entry.get("js", [])]
    names += [manifest.get("storage", {}).get("managed_schema")]
    names += [f"_locales/{manifest['default_locale']}/messages.json"] if "default_locale" in manifest else []
    return [name for name in names if name]


def write_zip(target, manifest):
    entries = [("manifest.json", (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())] + list(files())
    present = {name for name, _ in entries}
    missing = [name for name in named_by(manifest) if name not in present]
    if missing:
        sys.exit(f"{target.name}: the manifest names files that are not packed: {', '.join(missing)}")
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    print(f"{target}  ({len(entries)} files, {target.stat().st_size} bytes)")


def main():
    chromium = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    firefox = json.loads((EXTENSION / "manifest.firefox.json").read_text(encoding="utf-8"))
    if chromium["version"] != firefox["version"]:
        sys.exit("manifest.json and manifest.firefox.json disagree on the version: run node extension/tools/firefox-manifest.mjs")
    out = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    store_manifest = {k: v for k, v in chromium.items() if k != "key"}
    write_zip(out / f"portalguard-chrome-{chromium['version']}.zip", store_manifest)
    write_zip(out / f"portalguard-firefox-{firefox['version']}.zip", firefox)


if __name__ == "__main__":
    main()
