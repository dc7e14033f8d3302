# Per-target compiler settings shared by every target of the project.

option(GS_WERROR "Treat compiler warnings as errors (on in CI)" OFF)
option(GS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(GS_SANITIZE)
    # -O1 -g1 (after the build type's -O2 -g, so they win): line tables are all a sanitizer's stack
    # needs, and this build then compiles in about 60% of the time, which keeps CI inside 30 min.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
                        -O1 -g1)
    add_link_options(-fsanitize=address,undefined)
endif()

# gs_configure_target(<target>): strict warnings and Qt strictness defines.
function(gs_configure_target target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2
        -Wno-missing-field-initializers) # partial aggregate initialisation is intended
    if(GS_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_STRICT_ITERATORS QT_NO_KEYWORDS
        QT_NO_FOREACH QT_DISABLE_DEPRECATED_BEFORE=0x060400
        QT_MESSAGELOGCONTEXT)
endfunction()

# gs_add_core_library(<name> SOURCES ... LIBS ...): a static library of the core layer.
# Core never links Qt Widgets: its unit tests link without it, so a widget use fails to link.
function(gs_add_core_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/core)
    target_link_libraries(${name} PUBLIC Qt6::Core ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    gs_configure_target(${name})
endfunction()
