# Translations of the whole application. Qt 6.4's qt_add_translations only scans the target's own sources, so
# every library's sources are listed explicitly (core, models, widgets, the app and, if present, the CLI).
#
#   cmake --build <dir> --target update_translations   # lupdate: refresh the .ts from the sources
#   (the normal build runs lrelease and embeds the .qm in the GUI as :/i18n/centrifugo-inspector_zh_CN.qm)

set(INSPECTOR_TS_FILES ${CMAKE_CURRENT_LIST_DIR}/centrifugo-inspector_zh_CN.ts)

# Absolute paths of a target's C++ sources inside the source tree (generated files are skipped).
function(inspector_collect_sources target out)
    set(result)
    if(TARGET ${target})
        get_target_property(sources ${target} SOURCES)
        get_target_property(dir ${target} SOURCE_DIR)
        foreach(src IN LISTS sources)
            if(src MATCHES "\\$<")
                continue()
            endif()
            if(NOT IS_ABSOLUTE "${src}")
                set(src "${dir}/${src}")
            endif()
            if(src MATCHES "\\.(cpp|h)$" AND src MATCHES "^${PROJECT_SOURCE_DIR}/" AND EXISTS "${src}")
                list(APPEND result "${src}")
            endif()
        endforeach()
    endif()
    set(${out} ${result} PARENT_SCOPE)
endfunction()

function(inspector_add_translations target)
    set(all)
    foreach(t inspector_core inspector_models inspector_widgets inspector_app ${target} centrifugo-inspector-cli)
        inspector_collect_sources(${t} srcs)
        list(APPEND all ${srcs})
    endforeach()
    list(REMOVE_DUPLICATES all)
    qt_add_translations(${target}
        TS_FILES ${INSPECTOR_TS_FILES}
        SOURCES ${all}
        LUPDATE_OPTIONS -no-obsolete -locations none
        RESOURCE_PREFIX /i18n)
endfunction()
