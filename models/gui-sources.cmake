# GUI engineer's models, appended to the timeline engineer's list in models/CMakeLists.txt (Qt Core/Gui only).
list(APPEND INSPECTOR_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/channelstate.h
    ${CMAKE_CURRENT_LIST_DIR}/commandanalysis.cpp ${CMAKE_CURRENT_LIST_DIR}/commandanalysis.h
    ${CMAKE_CURRENT_LIST_DIR}/commandhistory.cpp ${CMAKE_CURRENT_LIST_DIR}/commandhistory.h
    ${CMAKE_CURRENT_LIST_DIR}/publicationposition.cpp ${CMAKE_CURRENT_LIST_DIR}/publicationposition.h
    ${CMAKE_CURRENT_LIST_DIR}/logmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/logmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/subscriptionmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/subscriptionmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/subscriptiontracker.cpp ${CMAKE_CURRENT_LIST_DIR}/subscriptiontracker.h
)
