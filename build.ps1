#!/usr/bin/env pwsh
# PortalGuard build script for Windows and macOS users (PowerShell 7). Each step is the same command the README and
# .ci/run use, so nothing can only be done one way.
#   ./build.ps1 [restore|build|test|publish|pack|all]
param([ValidateSet('restore', 'build', 'test', 'publish', 'pack', 'all')][string]$Step = 'all')
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Step([string]$Name, [scriptblock]$Command) {
    Write-Host "== $Name"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$Name failed with exit code $LASTEXITCODE" }
}

$rid = if ($IsWindows) { 'win-x64' } elseif ($IsMacOS) { 'osx-arm64' } else { 'linux-x64' }

if ($Step -in 'restore', 'all') { Invoke-Step 'restore' { dotnet restore NativeHostPortalGuard.sln } }
if ($Step -in 'build', 'all') { Invoke-Step 'build' { dotnet build NativeHostPortalGuard.sln -c Release } }
if ($Step -in 'test', 'all') {
    Invoke-Step 'test (.NET)' { dotnet test NativeHostPortalGuard.sln }
    Invoke-Step 'test (extension)' { node --test extension/test/ }
}
if ($Step -in 'publish', 'all') {
    # NativeAOT first (one native file, ~40 ms start; needs the platform's C toolchain: MSVC build tools on Windows,
    # Xcode command-line tools on macOS, clang or gcc on Linux). ReadyToRun, self-contained, where AOT cannot build.
    # On Linux scripts/publish.sh does the same and refuses a result with trim/AOT warnings.
    $out = "artifacts/portalguard-$rid"
    Write-Host "== publish ($rid, NativeAOT)"
    dotnet publish src/PortalGuard.Host -c Release -r $rid -p:PublishAot=true -o $out
    if ($LASTEXITCODE -ne 0) {
        Write-Warning "NativeAOT publish failed (is the C toolchain installed?); publishing ReadyToRun instead."
        Invoke-Step "publish ($rid, ReadyToRun)" { dotnet publish src/PortalGuard.Host -c Release -r $rid -p:PublishReadyToRun=true --self-contained -o $out }
    }
    Get-ChildItem $out -Include *.pdb, *.dbg -Recurse | Remove-Item -Force
}
if ($Step -in 'pack', 'all') {
    # The same two packages as scripts/pack-extension.py: only what the browser loads; Chrome/Edge without "key"
    # (the stores refuse it), Firefox with manifest.firefox.json as manifest.json.
    New-Item -ItemType Directory -Force artifacts | Out-Null
    $chromium = Get-Content extension/manifest.json -Raw | ConvertFrom-Json
    $version = $chromium.version
    $chromium.PSObject.Properties.Remove('key')
    $packages = @(
        @{ Name = "portalguard-chrome-$version.zip"; Manifest = ($chromium | ConvertTo-Json -Depth 20) },
        @{ Name = "portalguard-firefox-$version.zip"; Manifest = (Get-Content extension/manifest.firefox.json -Raw) }
    )
    foreach ($package in $packages) {
        $stage = Join-Path ([System.IO.Path]::GetTempPath()) ("pg-pack-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $stage | Out-Null
        foreach ($folder in '_locales', 'background', 'common', 'content', 'icons') { Copy-Item -Recurse "extension/$folder" $stage }
        Set-Content -Path (Join-Path $stage 'manifest.json') -Value $package.Manifest -Encoding utf8NoBOM
        # A cmdlet, not a program: it throws on failure ($ErrorActionPreference) and sets no exit code, so no Invoke-Step.
        Write-Host "== pack $($package.Name)"
        Compress-Archive -Force -Path (Join-Path $stage '*') -DestinationPath "artifacts/$($package.Name)"
        Remove-Item -Recurse -Force $stage
    }
}
