# Sources of the recorder CLI's area, compiled into inspector_core (included by core/CMakeLists.txt).
target_sources(inspector_core PRIVATE
    fastclassifier.cpp fastclassifier.h
    framerecord.cpp framerecord.h
)
