; Trạm Số hóa — Windows installer (NSIS 3, Unicode, Modern UI 2). See docs/install-windows.md.
;
;   makensis /DVERSION=0.2.0 /DPAYLOAD=..\..\dist\TramSoHoa packaging\windows\installer.nsi
;
; /DVERSION=   the station's version (app/__init__.py), required
; /DPAYLOAD=   the PyInstaller folder (TramSoHoa.exe, sohoa.exe, _internal\), required; a relative
;              path is taken from this script's folder (makensis works there)
; /DOUTFILE=   the installer to write (default TramSoHoa-<VERSION>-setup.exe beside this script)
; /DFILEVERSION=a.b.c.d  the numeric version in the file's properties (default: from VERSION)
; /DPUBLISHER= shown in Apps & features (default "Trạm Số hóa")
; /DSIGN=      a signing command run on the finished installer and uninstaller ("%1" is appended),
;              e.g. /DSIGN="signtool sign /fd SHA256 /f C:\keys\city.pfx /tr <timestamp URL> /td SHA256"
;
; Program files go to $PROGRAMFILES64\TramSoHoa (per machine). The station's data — batches, page
; files, the database, the queue for the central repository — live in each user's
; %LOCALAPPDATA%\TramSoHoa\sohoa-station (platformdirs, app/store/factory.py). Install, upgrade and
; uninstall never touch that folder; on start the station upgrades its database schema itself.
;
; Silent use (IT staff): setup.exe /S [/NODESKTOP] [/D=C:\Path]  ·  uninstall.exe /S

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !error "Pass the station version: makensis /DVERSION=0.2.0 ..."
!endif
!ifndef PAYLOAD
  !error "Pass the PyInstaller folder: makensis /DPAYLOAD=..\..\dist\TramSoHoa ..."
!endif
!ifndef OUTFILE
  !define OUTFILE "TramSoHoa-${VERSION}-setup.exe"
!endif
!ifndef FILEVERSION  ; the numbers of VERSION: 1.2.3rc1 -> 1.2.3.0, 1.2 -> 1.2.0.0
  !searchreplace _FV "${VERSION}" "rc" "."
  !searchreplace _FV "${_FV}" "a" "."
  !searchreplace _FV "${_FV}" "b" "."
  !searchparse /noerrors "${_FV}...." "" _FV1 "." _FV2 "." _FV3 "."
  !if "${_FV2}" == ""
    !define /redef _FV2 0
  !endif
  !if "${_FV3}" == ""
    !define /redef _FV3 0
  !endif
  !define FILEVERSION "${_FV1}.${_FV2}.${_FV3}.0"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "Trạm Số hóa"
!endif

!ifdef SIGN
  !finalize '${SIGN} "%1"' = 0
  !uninstfinalize '${SIGN} "%1"' = 0
!endif

!define APPNAME "Trạm Số hóa"
!define APPDIR "TramSoHoa"
!define GUI_EXE "TramSoHoa.exe"
!define CLI_EXE "sohoa.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TramSoHoa"
!define LANG_KEY "Software\TramSoHoa"
!define SHORTCUT "${APPNAME}.lnk"

!if ! /FileExists "${PAYLOAD}\${GUI_EXE}"
  !error "${PAYLOAD} is not the PyInstaller folder: ${GUI_EXE} is missing (build packaging\windows\sohoa-win.spec first)"
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPDIR}"
BrandingText "${APPNAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${FILEVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} — bộ cài đặt"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

; --- pages ------------------------------------------------------------------------------------
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${LANG_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!define MUI_WELCOMEPAGE_TEXT "$(WELCOME_TEXT)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(RUN_TEXT)"
!define MUI_FINISHPAGE_RUN_FUNCTION RunAsDesktopUser
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "$(UN_DONE_TITLE)"
!define MUI_FINISHPAGE_TEXT "$(UN_DATA_KEPT)"
!insertmacro MUI_UNPAGE_FINISH

; Vietnamese first: it is the default of the language dialog.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

; --- texts ------------------------------------------------------------------------------------
LangString WELCOME_TEXT ${LANG_VIETNAMESE} "Trình cài đặt sẽ cài ${APPNAME} ${VERSION} cho mọi người dùng của máy này.$\r$\n$\r$\nNếu máy đã có bản cũ, chỉ các tệp chương trình được thay; dữ liệu của trạm (lô hồ sơ, cơ sở dữ liệu, hàng đợi gửi) được giữ nguyên.$\r$\n$\r$\nBấm Tiếp để tiếp tục."
LangString WELCOME_TEXT ${LANG_ENGLISH} "This will install ${APPNAME} ${VERSION} for every user of this computer.$\r$\n$\r$\nIf an older version is installed, only its program files are replaced; the station's data (batches, database, sending queue) are kept.$\r$\n$\r$\nClick Next to continue."
LangString RUN_TEXT ${LANG_VIETNAMESE} "Mở ${APPNAME}"
LangString RUN_TEXT ${LANG_ENGLISH} "Open ${APPNAME}"
LangString SEC_MAIN ${LANG_VIETNAMESE} "${APPNAME} (bắt buộc)"
LangString SEC_MAIN ${LANG_ENGLISH} "${APPNAME} (required)"
LangString SEC_DESKTOP ${LANG_VIETNAMESE} "Biểu tượng trên màn hình nền"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString DESC_MAIN ${LANG_VIETNAMESE} "Chương trình, Tesseract với mô hình tiếng Việt, lối tắt trong menu Start."
LangString DESC_MAIN ${LANG_ENGLISH} "The program, Tesseract with the Vietnamese model, a Start-menu shortcut."
LangString DESC_DESKTOP ${LANG_VIETNAMESE} "Đặt biểu tượng ${APPNAME} trên màn hình nền của mọi người dùng."
LangString DESC_DESKTOP ${LANG_ENGLISH} "Put a ${APPNAME} shortcut on every user's desktop."
LangString NEEDS_64BIT ${LANG_VIETNAMESE} "${APPNAME} cần Windows 64-bit (Windows 10 trở lên)."
LangString NEEDS_64BIT ${LANG_ENGLISH} "${APPNAME} needs 64-bit Windows (Windows 10 or later)."
LangString STILL_RUNNING ${LANG_VIETNAMESE} "${APPNAME} đang mở. Bấm OK để trình cài đặt đóng chương trình (các trang đã quét và dữ liệu đã lưu không bị mất), hoặc Hủy để dừng."
LangString STILL_RUNNING ${LANG_ENGLISH} "${APPNAME} is running. Click OK to let the installer close it (scanned pages and saved data are kept), or Cancel to stop."
LangString CLOSE_FAILED ${LANG_VIETNAMESE} "Chưa đóng được ${APPNAME}. Hãy tự đóng chương trình (menu Trạm → Thoát) rồi bấm Thử lại."
LangString CLOSE_FAILED ${LANG_ENGLISH} "${APPNAME} did not close. Close it yourself (Station → Quit), then click Retry."
LangString OLD_FILES ${LANG_VIETNAMESE} "Thay các tệp chương trình của bản cũ; dữ liệu của trạm được giữ nguyên."
LangString OLD_FILES ${LANG_ENGLISH} "Replacing the older version's program files; the station's data are kept."
LangString UN_DONE_TITLE ${LANG_VIETNAMESE} "Đã gỡ ${APPNAME}"
LangString UN_DONE_TITLE ${LANG_ENGLISH} "${APPNAME} has been removed"
LangString UN_DATA_KEPT ${LANG_VIETNAMESE} "Các tệp chương trình đã được gỡ.$\r$\n$\r$\nDữ liệu của trạm (lô hồ sơ, trang đã quét, cơ sở dữ liệu, hàng đợi gửi) vẫn được giữ nguyên trong thư mục của từng người dùng:$\r$\n%LOCALAPPDATA%\TramSoHoa\sohoa-station$\r$\n$\r$\nCài lại chương trình sẽ dùng tiếp dữ liệu này. Chỉ xóa thư mục đó khi mọi hồ sơ đã được kho dữ liệu trung tâm xác nhận."
LangString UN_DATA_KEPT ${LANG_ENGLISH} "The program files have been removed.$\r$\n$\r$\nThe station's data (batches, scanned pages, database, sending queue) are kept in each user's folder:$\r$\n%LOCALAPPDATA%\TramSoHoa\sohoa-station$\r$\n$\r$\nInstalling again continues with these data. Delete that folder only once the central repository has confirmed every document."

; --- helpers ----------------------------------------------------------------------------------
; $0 = 1 when a station process (window, command line or one of their workers) runs, else 0.
!macro _IsRunning un
Function ${un}IsRunning
  StrCpy $0 0
  nsExec::Exec `"$SYSDIR\cmd.exe" /C tasklist /FI "IMAGENAME eq ${GUI_EXE}" /FO CSV /NH | "$SYSDIR\find.exe" /I "${GUI_EXE}"`
  Pop $1
  ${If} $1 == 0
    StrCpy $0 1
    Return
  ${EndIf}
  nsExec::Exec `"$SYSDIR\cmd.exe" /C tasklist /FI "IMAGENAME eq ${CLI_EXE}" /FO CSV /NH | "$SYSDIR\find.exe" /I "${CLI_EXE}"`
  Pop $1
  ${If} $1 == 0
    StrCpy $0 1
  ${EndIf}
FunctionEnd

; Ask the station to close (as if its window were closed), wait up to 15 s; silent mode then forces.
Function ${un}CloseStation
  Call ${un}IsRunning
  ${If} $0 == 0
    Return
  ${EndIf}
  MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "$(STILL_RUNNING)" /SD IDOK IDOK close
  Quit
  close:
  nsExec::Exec `"$SYSDIR\taskkill.exe" /IM ${GUI_EXE}`
  Pop $1
  StrCpy $2 0
  ${Do}
    Sleep 1000
    IntOp $2 $2 + 1
    Call ${un}IsRunning
    ${If} $0 == 0
      Return
    ${EndIf}
  ${LoopUntil} $2 >= 15
  ${If} ${Silent}
    ; Journal first: every delivered page is on disk; the station recovers on its next start.
    nsExec::Exec `"$SYSDIR\taskkill.exe" /F /T /IM ${GUI_EXE}`
    Pop $1
    nsExec::Exec `"$SYSDIR\taskkill.exe" /F /T /IM ${CLI_EXE}`
    Pop $1
    Sleep 1000
    Return
  ${EndIf}
  retry:
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CLOSE_FAILED)" IDRETRY check
  Quit
  check:
  Call ${un}IsRunning
  ${If} $0 == 1
    Goto retry
  ${EndIf}
FunctionEnd
!macroend
!insertmacro _IsRunning ""
!insertmacro _IsRunning "un."

; The finish page's "Open" runs the station as the signed-in user, not as the elevated installer
; (its data folder is the user's %LOCALAPPDATA%, not the administrator's).
Function RunAsDesktopUser
  Exec `"$WINDIR\explorer.exe" "$INSTDIR\${GUI_EXE}"`
FunctionEnd

; Program files only: the two executables, the bundle folder and the uninstaller.
!macro _RemoveProgramFiles
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
!macroend

; --- install ----------------------------------------------------------------------------------
Section "$(SEC_MAIN)" SecMain
  SectionIn RO
  Call CloseStation
  SetOutPath "$INSTDIR"
  ${If} ${FileExists} "$INSTDIR\${GUI_EXE}"
    DetailPrint "$(OLD_FILES)"
    !insertmacro _RemoveProgramFiles
  ${EndIf}
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
  Delete "$DESKTOP\${SHORTCUT}"  ; put back by the desktop section when it is chosen

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "$(DESC_MAIN)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(DESC_DESKTOP)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Runs before any page: 64-bit only, per machine, an upgrade keeps its folder, /NODESKTOP.
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NEEDS_64BIT)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; An upgrade goes where the previous version is, unless /D= chose a folder. (Read here, not with
  ; InstallDirRegKey: that runs before SetRegView 64 and would look in the 32-bit registry view.)
  ReadRegStr $R0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 != ""
  ${AndIf} $INSTDIR == "$PROGRAMFILES64\${APPDIR}"
    StrCpy $INSTDIR $R0
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
  ClearErrors
  ${GetOptions} $CMDLINE "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
FunctionEnd

; --- uninstall --------------------------------------------------------------------------------
Function un.onInit
  SetRegView 64
  SetShellVarContext all
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  Call un.CloseStation
  !insertmacro _RemoveProgramFiles
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"  ; only when empty: anything else someone put there stays
  Delete "$SMPROGRAMS\${APPNAME}\${SHORTCUT}"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\${SHORTCUT}"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${LANG_KEY}"
  DetailPrint "$(UN_DATA_KEPT)"
SectionEnd
