# Installation and the Debian package.
#
#   cmake --install build --prefix /tmp/x      # the install tree
#   cd build && cpack -G DEB                    # centrifugo-inspector_<version>_<arch>.deb
#
# Installs the GUI and the CLI (bin/), the translation (share/centrifugo-inspector/translations, where both
# programs look relative to their binary), the desktop entry, the icon in the hicolor theme (SVG and PNG sizes) and
# the MIME types of recordings (*.jsonl) and HAR captures (*.har), so that they open with the inspector.
include(GNUInstallDirs)

install(TARGETS centrifugo-inspector centrifugo-inspector-cli
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_BINARY_DIR}/bin/translations/centrifugo-inspector_zh_CN.qm
        DESTINATION ${CMAKE_INSTALL_DATADIR}/centrifugo-inspector/translations)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/centrifugo-inspector.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/centrifugo-inspector-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME centrifugo-inspector.xml)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/centrifugo-inspector.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 22 24 32 48 64 128 256 512)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/centrifugo-inspector.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/user-guide.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/centrifugo-inspector)

set(CPACK_PACKAGE_NAME "centrifugo-inspector")
set(CPACK_PACKAGE_VENDOR "Centrifugo Inspector")
set(CPACK_PACKAGE_CONTACT "Centrifugo Inspector maintainers <maintainers@centrifugo-inspector.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Inspect, drive and explain a Centrifugo client connection")
set(CPACK_PACKAGE_DESCRIPTION
    "A desktop inspector for the Centrifugo client protocol v2 (JSON and Protobuf) over WebSocket: it composes \
valid commands, shows every frame, and explains every reply, push, error and disconnect, in English and Chinese. \
Includes a headless recorder (centrifugo-inspector-cli).")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # the Qt, protobuf and keychain libraries, from the binaries
# The X11/Wayland platform plugins are loaded at run time, not linked: dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, hicolor-icon-theme")
include(CPack)
