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
    Invoke-Step "publish ($rid)" { dotnet publish src/PortalGuard.Host -c Release -r $rid -o "artifacts/portalguard-$rid" }
}
if ($Step -in 'pack', 'all') {
    New-Item -ItemType Directory -Force artifacts | Out-Null
    Invoke-Step 'pack extension' { Compress-Archive -Force -Path extension/* -DestinationPath artifacts/portalguard-extension.zip }
}
