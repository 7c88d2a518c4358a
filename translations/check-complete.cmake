# ctest translations_complete: every .ts in TS_FILES (a list) must translate every message the
# sources have. Runs lupdate (same project description as the update_translations target) into a
# scratch copy of each .ts and compares: new strings show up there as unfinished, stale ones as a
# count change. Reports the problems of every language, then fails.
foreach(var LUPDATE PROJECT_DESCRIPTION GENERATE_PROJECT TS_FILES WORK_DIR)
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

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${PROJECT_DESCRIPTION}" "-DOUT_FILE=${WORK_DIR}/project.json"
            -P "${GENERATE_PROJECT}"
    RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
    message(FATAL_ERROR "Could not write the lupdate project file")
endif()

set(problems "")
set(checked "")
foreach(ts_file IN LISTS TS_FILES)
    get_filename_component(ts_name "${ts_file}" NAME)
    if(NOT EXISTS "${ts_file}")
        string(APPEND problems "${ts_file} does not exist: build the update_translations target.\n")
        continue()
    endif()

    count_matches("${ts_file}" "type=\"unfinished\"" unfinished)
    if(unfinished GREATER 0)
        list_unfinished("${ts_file}" which)
        string(APPEND problems "${unfinished} message(s) in ${ts_name} are not translated:\n${which}")
    endif()
    count_matches("${ts_file}" "type=\"(vanished|obsolete)\"" stale)
    if(stale GREATER 0)
        string(APPEND problems "${stale} message(s) in ${ts_name} no longer exist in the sources.\n")
    endif()

    set(scratch "${WORK_DIR}/${ts_name}")
    file(COPY_FILE "${ts_file}" "${scratch}")
    execute_process(
        COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -ts "${scratch}" ${LUPDATE_OPTIONS}
        RESULT_VARIABLE updated OUTPUT_VARIABLE lupdate_output ERROR_VARIABLE lupdate_output)
    if(NOT updated EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${ts_name}:\n${lupdate_output}")
    endif()

    count_matches("${ts_file}" "<message" before)
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
    list(APPEND checked "${ts_name} (${before})")
endforeach()

if(problems)
    message(FATAL_ERROR "${problems}")
endif()
list(JOIN checked ", " checked)
message(STATUS "All messages translated and up to date: ${checked}")
