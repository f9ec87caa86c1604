# GUI engineer's widget tests (included from tests/widgets/CMakeLists.txt).
inspector_add_test(tst_mainwindow_live SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mainwindow_live.cpp
                   LIBS inspector_app inspector_testsupport LABELS widgets integration TIMEOUT 240)
inspector_add_test(tst_commandcomposer SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_commandcomposer.cpp
                   LIBS inspector_widgets LABELS widgets)
inspector_add_test(tst_guipanels SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_guipanels.cpp
                   LIBS inspector_widgets LABELS widgets)
inspector_add_test(tst_translations SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp
                   LIBS inspector_app LABELS widgets translations)
# The .qm comes from the GUI target's lrelease step (app/).
add_dependencies(tst_translations centrifugo-inspector)
target_compile_definitions(tst_translations PRIVATE
    INSPECTOR_TEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    INSPECTOR_TEST_QM_FILE="${PROJECT_BINARY_DIR}/app/centrifugo-inspector_zh_CN.qm")
