; Inno Setup script: a per-user Windows installer for the application folder built by
; tools/dist.py. No administrator rights: it installs under %LOCALAPPDATA%\Programs and
; writes only the current user's Start menu and registry. Built by .github/workflows/release.yml.
; iscc /DAppVersion=0.1.0 packaging\exportdesk.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1C2D4E-8A57-4B7E-9E0C-3D2A1B5C7E90}
AppName=ExportDesk
AppVersion={#AppVersion}
AppPublisher=ExportDesk
DefaultDirName={localappdata}\Programs\ExportDesk
DefaultGroupName=ExportDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=ExportDesk-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\ExportDesk.exe

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\ExportDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\ExportDesk"; Filename: "{app}\ExportDesk.exe"
Name: "{userdesktop}\ExportDesk"; Filename: "{app}\ExportDesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\ExportDesk.exe"; Description: "{cm:LaunchProgram,ExportDesk}"; Flags: nowait postinstall skipifsilent
