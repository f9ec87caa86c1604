# GUI engineer's widgets, appended to the timeline engineer's list in widgets/CMakeLists.txt.
list(APPEND INSPECTOR_WIDGETS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/commandcomposer.cpp ${CMAKE_CURRENT_LIST_DIR}/commandcomposer.h
    ${CMAKE_CURRENT_LIST_DIR}/connectionpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/connectionpanel.h
    ${CMAKE_CURRENT_LIST_DIR}/jsonhighlighter.cpp ${CMAKE_CURRENT_LIST_DIR}/jsonhighlighter.h
    ${CMAKE_CURRENT_LIST_DIR}/logview.cpp ${CMAKE_CURRENT_LIST_DIR}/logview.h
    ${CMAKE_CURRENT_LIST_DIR}/subscriptionpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/subscriptionpanel.h
)
