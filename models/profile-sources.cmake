# Connection profiles and secrets. Included by models/CMakeLists.txt before add_library(inspector_models).
list(APPEND INSPECTOR_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/connectionprofile.cpp ${CMAKE_CURRENT_LIST_DIR}/connectionprofile.h
    ${CMAKE_CURRENT_LIST_DIR}/profileresolver.cpp ${CMAKE_CURRENT_LIST_DIR}/profileresolver.h
    ${CMAKE_CURRENT_LIST_DIR}/profilestore.cpp ${CMAKE_CURRENT_LIST_DIR}/profilestore.h
    ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp ${CMAKE_CURRENT_LIST_DIR}/secretstore.h
)

# QtKeychain (Debian: qtkeychain-qt6-dev) keeps secrets in the system keychain. Without it SecretStore keeps them
# in memory only and says so.
find_package(Qt6Keychain QUIET)
if(Qt6Keychain_FOUND)
    # The target is created after this file is included: link once the directory is processed.
    cmake_language(DEFER CALL target_link_libraries inspector_models PRIVATE qt6keychain)
    cmake_language(DEFER CALL target_compile_definitions inspector_models PRIVATE INSPECTOR_HAVE_KEYCHAIN)
else()
    message(STATUS "Qt6Keychain not found: secrets are kept in memory only")
endif()
