# Assembles one extension's two install forms from one source (run with cmake -P):
#   -DNAME=pg_relay -DVERSION=1.0 -DSRC=<dir with src/*.sql> -DOUT=<output dir>
# src/NN_*.sql go into both; src/*.ext.sql only into the CREATE EXTENSION script, for the
# few statements only an extension script may run (pg_extension_config_dump).
file(GLOB parts RELATIVE "${SRC}/src" "${SRC}/src/*.sql")
list(SORT parts)
set(common "")
set(ext_only "")
foreach(part IN LISTS parts)
    file(READ "${SRC}/src/${part}" text)
    set(block "\n-- ==== ${part} ====\n${text}")
    if(part MATCHES "\\.ext\\.sql$")
        string(APPEND ext_only "${block}")
    else()
        string(APPEND common "${block}")
    endif()
endforeach()

set(banner "-- ${NAME} ${VERSION}: generated from sql/${NAME}/src by AssembleExtension.cmake; do not edit.\n")
file(MAKE_DIRECTORY "${OUT}/extension")
file(WRITE "${OUT}/extension/${NAME}--${VERSION}.sql"
     "${banner}\\echo Use \"CREATE EXTENSION ${NAME}\" to load this file. \\quit\n${common}${ext_only}")
file(WRITE "${OUT}/${NAME}_install.sql"
     "${banner}-- Plain install for managed services: run as the database owner with\n--   psql -v ON_ERROR_STOP=1 -f ${NAME}_install.sql\n\\set ON_ERROR_STOP on\nbegin;\n${common}\ncommit;\n")
configure_file("${SRC}/${NAME}.control" "${OUT}/extension/${NAME}.control" COPYONLY)
configure_file("${SRC}/uninstall.sql" "${OUT}/${NAME}_uninstall.sql" COPYONLY)
