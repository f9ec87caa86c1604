# Token generator/decoder and profile manager dialogs. Included by widgets/CMakeLists.txt.
list(APPEND INSPECTOR_WIDGETS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/profileeditor.cpp ${CMAKE_CURRENT_LIST_DIR}/profileeditor.h
    ${CMAKE_CURRENT_LIST_DIR}/profilemanagerdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/profilemanagerdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/secretlineedit.cpp ${CMAKE_CURRENT_LIST_DIR}/secretlineedit.h
    ${CMAKE_CURRENT_LIST_DIR}/tokendecoderdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/tokendecoderdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/tokengeneratordialog.cpp ${CMAKE_CURRENT_LIST_DIR}/tokengeneratordialog.h
)
