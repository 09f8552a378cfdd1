# Builds the web UI (web/, Vite) and embeds it in the binary: every file of the build output goes
# into one blob (scripts/pack-web-assets) that a generated source pulls in with the assembler's
# .incbin; src/server/web_assets.cpp serves from it. The UI is rebuilt when anything under
# web/src, web/index.html, the lockfile or the Vite configuration changes.
#
# Run as a script (cmake -DWEB_DIR=... -DNPM=... -P EmbedWeb.cmake) it checks, before the build,
# that npm and the UI's packages are there, so a missing `npm ci` fails with what to do.
if(CMAKE_SCRIPT_MODE_FILE)
  if(NOT NPM OR NPM MATCHES "NOTFOUND$")
    message(FATAL_ERROR "The web UI needs Node.js 20.19 or later and npm, which are not installed. "
                        "Run scripts/bootstrap, then build again.")
  endif()
  if(NOT EXISTS "${WEB_DIR}/node_modules/vite/package.json"
     OR NOT EXISTS "${WEB_DIR}/node_modules/@sveltejs/vite-plugin-svelte/package.json")
    message(FATAL_ERROR "The web UI's npm packages are not installed (${WEB_DIR}/node_modules). "
                        "Run scripts/bootstrap (it runs `npm ci` in web/), then build again.")
  endif()
  return()
endif()

# Sets `out_var` to the generated source that embeds the web UI; add it to the library.
function(cyberframe_embed_web out_var)
  set(web_dir "${PROJECT_SOURCE_DIR}/web")
  set(dist "${PROJECT_BINARY_DIR}/web-dist")
  set(blob "${PROJECT_BINARY_DIR}/generated/web_assets.blob")
  set(generated "${PROJECT_BINARY_DIR}/generated/web_assets_blob.cpp")
  find_program(CYBERFRAME_NPM npm)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  file(GLOB_RECURSE web_sources CONFIGURE_DEPENDS "${web_dir}/src/*")
  list(APPEND web_sources
    "${web_dir}/index.html" "${web_dir}/package.json" "${web_dir}/package-lock.json"
    "${web_dir}/vite.config.ts" "${web_dir}/svelte.config.js" "${web_dir}/tsconfig.json"
    "${PROJECT_SOURCE_DIR}/scripts/pack-web-assets")
  file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/generated")
  add_custom_command(
    OUTPUT "${blob}" "${generated}"
    COMMAND "${CMAKE_COMMAND}" "-DWEB_DIR=${web_dir}" "-DNPM=${CYBERFRAME_NPM}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    COMMAND "${CYBERFRAME_NPM}" run build -- --outDir "${dist}" --emptyOutDir --logLevel warn
    COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/scripts/pack-web-assets"
            "${dist}" "${blob}" "${generated}"
    WORKING_DIRECTORY "${web_dir}"
    DEPENDS ${web_sources}
    COMMENT "Building the web UI (npm run build) and packing it into the binary"
    VERBATIM)
  set_source_files_properties("${generated}" PROPERTIES GENERATED TRUE OBJECT_DEPENDS "${blob}")
  set(${out_var} "${generated}" PARENT_SCOPE)
endfunction()

# Including this file sets CYBERFRAME_WEB_ASSETS_SOURCE for the library's sources.
cyberframe_embed_web(CYBERFRAME_WEB_ASSETS_SOURCE)
