# Protobuf protocol mode of inspector_core (included by core/CMakeLists.txt after the library is defined).
# The client protocol schema lives in proto/client.proto; protoc generates its C++ classes at build time.
find_package(Protobuf REQUIRED)

target_sources(inspector_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/protobufcodec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/protobufcodec.h
    ${CMAKE_CURRENT_LIST_DIR}/proto/client.proto
)

set(INSPECTOR_PROTO_OUT ${CMAKE_CURRENT_BINARY_DIR}/proto-gen)
file(MAKE_DIRECTORY ${INSPECTOR_PROTO_OUT})
# APPEND_PATH: protoc gets -I core/proto, so the output is proto-gen/client.pb.{h,cc}.
protobuf_generate(TARGET inspector_core
    LANGUAGE cpp
    APPEND_PATH
    PROTOS ${CMAKE_CURRENT_LIST_DIR}/proto/client.proto
    PROTOC_OUT_DIR ${INSPECTOR_PROTO_OUT}
    OUT_VAR INSPECTOR_PROTO_SRCS)

# Generated code is not ours to keep warning-free under -Wpedantic -Werror.
set_source_files_properties(${INSPECTOR_PROTO_SRCS} PROPERTIES SKIP_AUTOMOC ON COMPILE_OPTIONS "-w")

# Public so tests can build protobuf messages with the generated classes (client.pb.h).
target_include_directories(inspector_core PUBLIC ${INSPECTOR_PROTO_OUT})
target_link_libraries(inspector_core PUBLIC protobuf::libprotobuf)
target_compile_definitions(inspector_core PUBLIC INSPECTOR_HAVE_PROTOBUF)
