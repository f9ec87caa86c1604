# GUI engineer's model tests (included from tests/models/CMakeLists.txt).
inspector_add_test(tst_subscriptiontracker SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_subscriptiontracker.cpp
                   LIBS inspector_models LABELS models)
inspector_add_test(tst_logmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_logmodel.cpp
                   LIBS inspector_models LABELS models)
inspector_add_test(tst_commandhistory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_commandhistory.cpp
                   LIBS inspector_models LABELS models)
inspector_add_test(tst_commandanalysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_commandanalysis.cpp
                   LIBS inspector_models LABELS models)
inspector_add_test(tst_publicationposition SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_publicationposition.cpp
                   LIBS inspector_models LABELS models)
