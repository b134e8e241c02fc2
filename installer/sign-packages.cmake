# Signing hook, run by CPack after it made the packages (CPACK_POST_BUILD_SCRIPTS). Left empty
# on purpose: it signs nothing unless a release machine provides its identity, so a build here
# or on a contributor's machine never needs a certificate.
#   Windows: AUTOMV_SIGNTOOL_ARGS, e.g. "/fd SHA256 /tr http://timestamp.example /td SHA256 /f cert.pfx /p ..."
#            -> signtool sign <args> <installer.exe>
#   macOS:   AUTOMV_CODESIGN_IDENTITY, e.g. "Developer ID Application: ..."
#            -> codesign --sign <identity> --timestamp <image.dmg> (notarise the image afterwards)
# CPACK_PACKAGE_FILES lists what CPack made.
foreach(package IN LISTS CPACK_PACKAGE_FILES)
    if(package MATCHES "\\.exe$" AND DEFINED ENV{AUTOMV_SIGNTOOL_ARGS})
        separate_arguments(args WINDOWS_COMMAND "$ENV{AUTOMV_SIGNTOOL_ARGS}")
        execute_process(COMMAND signtool sign ${args} "${package}" COMMAND_ERROR_IS_FATAL ANY)
    elseif(package MATCHES "\\.dmg$" AND DEFINED ENV{AUTOMV_CODESIGN_IDENTITY})
        execute_process(COMMAND codesign --sign "$ENV{AUTOMV_CODESIGN_IDENTITY}" --timestamp "${package}"
                        COMMAND_ERROR_IS_FATAL ANY)
    endif()
endforeach()
