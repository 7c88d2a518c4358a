# ctest translations_complete: countersign_de.ts must translate every message the sources have.
# Runs lupdate (same project description as the update_translations target) into a scratch copy
# of the .ts and compares: new strings show up there as unfinished, stale ones as a count change.
foreach(var LUPDATE PROJECT_DESCRIPTION GENERATE_PROJECT TS_FILE WORK_DIR)
    if(NOT ${var})
        message(FATAL_ERROR "check-complete.cmake needs -D${var}=...")
    endif()
endforeach()

function(count_matches file regex out)
    file(READ "${file}" content)
    string(REGEX MATCHALL "${regex}" matches "${content}")
    list(LENGTH matches n)
    set(${out} ${n} PARENT_SCOPE)
endfunction()

# The sources of unfinished messages, to say what to translate.
function(list_unfinished file out)
    file(READ "${file}" content)
    string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<comment>[^<]*</comment>[^<]*)?<translation type=\"unfinished\""
           found "${content}")
    set(lines "")
    foreach(entry IN LISTS found)
        string(REGEX REPLACE "^<source>([^<]*)</source>.*" "  \\1" entry "${entry}")
        string(APPEND lines "${entry}\n")
    endforeach()
    set(${out} "${lines}" PARENT_SCOPE)
endfunction()

if(NOT EXISTS "${TS_FILE}")
    message(FATAL_ERROR "${TS_FILE} does not exist: build the update_translations target")
endif()
set(problems "")

count_matches("${TS_FILE}" "type=\"unfinished\"" unfinished)
if(unfinished GREATER 0)
    list_unfinished("${TS_FILE}" which)
    string(APPEND problems "${unfinished} message(s) in ${TS_FILE} are not translated:\n${which}")
endif()
count_matches("${TS_FILE}" "type=\"(vanished|obsolete)\"" stale)
if(stale GREATER 0)
    string(APPEND problems "${stale} message(s) in ${TS_FILE} no longer exist in the sources.\n")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(ts_name "${TS_FILE}" NAME)
set(scratch "${WORK_DIR}/${ts_name}")
file(COPY_FILE "${TS_FILE}" "${scratch}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${PROJECT_DESCRIPTION}" "-DOUT_FILE=${WORK_DIR}/project.json"
            -P "${GENERATE_PROJECT}"
    RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
    message(FATAL_ERROR "Could not write the lupdate project file")
endif()
execute_process(
    COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -ts "${scratch}" ${LUPDATE_OPTIONS}
    RESULT_VARIABLE updated OUTPUT_VARIABLE lupdate_output ERROR_VARIABLE lupdate_output)
if(NOT updated EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${lupdate_output}")
endif()

count_matches("${TS_FILE}" "<message" before)
count_matches("${scratch}" "<message" after)
count_matches("${scratch}" "type=\"unfinished\"" new_unfinished)
if(new_unfinished GREATER unfinished)
    list_unfinished("${scratch}" which)
    math(EXPR missing "${new_unfinished} - ${unfinished}")
    string(APPEND problems "lupdate finds ${missing} message(s) that ${ts_name} lacks. Run\n"
                           "  cmake --build <build> --target update_translations\n"
                           "and translate them:\n${which}")
elseif(NOT before EQUAL after)
    string(APPEND problems "${ts_name} has ${before} messages but the sources have ${after}: "
                           "run the update_translations target.\n")
endif()

if(problems)
    message(FATAL_ERROR "${problems}")
endif()
message(STATUS "${ts_name}: all ${before} messages translated and up to date")
