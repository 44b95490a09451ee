# The NSIS installer (make windows): CPack's NSIS generator with CMake's own template, made
# per-user by default. Municipal PCs seldom give staff administrator rights, so the installer
# asks for none and installs into %LOCALAPPDATA%\Programs\Fidelis with a Start menu entry and
# the .fidelis association for that user (HKCU). Run elevated ("Run as administrator", or by
# IT's software deployment), it installs for all users into Program Files (HKLM), as the
# template already does for an administrator. /S installs silently either way.
#
# Databases and users' own scales live in %APPDATA%\Fidelis and wherever users save them:
# the installer never writes there, the uninstaller never removes them.

set(template ${CMAKE_ROOT}/Modules/Internal/CPack/NSIS.template.in)
file(READ ${template} nsis)
function(edit_template from to)
    string(FIND "${nsis}" "${from}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "CMake's NSIS template (${template}) has no \"${from}\": check installer/windows/nsis.cmake")
    endif()
    string(REPLACE "${from}" "${to}" nsis "${nsis}")
    set(nsis "${nsis}" PARENT_SCOPE)
endfunction()
# A 64-bit installer for a 64-bit program (and Wine without its 32-bit part runs it).
edit_template("RequestExecutionLevel admin" "RequestExecutionLevel user\n  Target amd64-unicode")
# A per-user program belongs in %LOCALAPPDATA%\Programs, not in Documents.
edit_template([=[StrCpy $INSTDIR "$DOCUMENTS\@CPACK_PACKAGE_INSTALL_DIRECTORY@"]=]
              [=[StrCpy $INSTDIR "$LOCALAPPDATA\Programs\@CPACK_PACKAGE_INSTALL_DIRECTORY@"]=])
# An earlier Fidelis is looked for where this user's or the machine's installer registered it.
edit_template([=[ReadRegStr $0 HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\@CPACK_PACKAGE_INSTALL_REGISTRY_KEY@" "UninstallString"
  StrCmp $0 "" inst]=]
              [=[ReadRegStr $0 HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall\@CPACK_PACKAGE_INSTALL_REGISTRY_KEY@" "UninstallString"
  StrCmp $0 "" 0 +2
  ReadRegStr $0 HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\@CPACK_PACKAGE_INSTALL_REGISTRY_KEY@" "UninstallString"
  StrCmp $0 "" inst]=])
# The template's un.onInit already picks the machine's entries for an administrator, the
# user's otherwise, as the installer did.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/nsis/NSIS.template.in "${nsis}")
set(CPACK_MODULE_PATH ${CMAKE_CURRENT_BINARY_DIR}/nsis)

# Values reach NSIS as written here (single backslashes).
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_NSIS_DISPLAY_NAME Fidelis)
set(CPACK_NSIS_PACKAGE_NAME Fidelis)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY Fidelis)
set(CPACK_NSIS_MUI_ICON ${CMAKE_CURRENT_SOURCE_DIR}/icons/fidelis.ico)
set(CPACK_NSIS_MUI_UNIICON ${CMAKE_CURRENT_SOURCE_DIR}/icons/fidelis.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME [=[bin\fidelis.exe]=])
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN fidelis.exe)
set(CPACK_NSIS_MENU_LINKS
    [=[share\fidelis\docs\user-guide.sv.html]=] "Fidelis - användarhandledning"
    [=[share\fidelis\docs\user-guide.en.html]=] "Fidelis - user guide")
# .fidelis files open in Fidelis: SHCTX is HKCU for a per-user install and HKLM for all users.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  WriteRegStr SHCTX "Software\Classes\.fidelis" "" "Fidelis.Database"
  WriteRegStr SHCTX "Software\Classes\Fidelis.Database" "" "Fidelis database"
  WriteRegStr SHCTX "Software\Classes\Fidelis.Database\DefaultIcon" "" "$INSTDIR\bin\fidelis.exe,0"
  WriteRegStr SHCTX "Software\Classes\Fidelis.Database\shell\open\command" "" '"$INSTDIR\bin\fidelis.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  DeleteRegKey SHCTX "Software\Classes\Fidelis.Database"
  DeleteRegKey SHCTX "Software\Classes\.fidelis"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
]=])
