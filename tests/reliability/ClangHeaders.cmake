# Compiles every header of the libraries (model/, agents/, world/, output/, tools/sweep/) with
# clang in C++20, in one translation unit, syntax only (issue 12, item 17: a header that only
# g++ accepts breaks clang builds, the tidy target and the fuzz preset).
# Arguments: -DSOURCE_DIR=... -DCLANGXX=... -DWORK_DIR=... -DINCLUDES="dir;dir"
if(NOT CLANGXX)
  message("skipped: clang++ not found")
  return()
endif()
file(GLOB_RECURSE headers RELATIVE "${SOURCE_DIR}"
  "${SOURCE_DIR}/model/*.hpp" "${SOURCE_DIR}/agents/*.hpp" "${SOURCE_DIR}/world/*.hpp"
  "${SOURCE_DIR}/output/*.hpp" "${SOURCE_DIR}/tools/sweep/*.hpp")
list(SORT headers)
set(text "")
foreach(h IN LISTS headers)
  string(APPEND text "#include \"${h}\"\n")
endforeach()
file(WRITE "${WORK_DIR}/clang_headers.cpp" "${text}")
set(include_flags "-I${SOURCE_DIR}")
foreach(dir IN LISTS INCLUDES)
  list(APPEND include_flags "-I${dir}")
endforeach()
execute_process(COMMAND "${CLANGXX}" -std=c++20 -fsyntax-only ${include_flags}
                        "${WORK_DIR}/clang_headers.cpp"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
list(LENGTH headers n)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "clang++ rejects the headers:\n${err}")
endif()
message("clang++ compiles all ${n} headers in C++20")
