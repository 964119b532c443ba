# Every third-party library comes from Debian's -dev packages (scripts/setup installs them).
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS system)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(fmt REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(tl-expected REQUIRED CONFIG)
find_package(tomlplusplus REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(date REQUIRED CONFIG)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

# SOCI 4.0.3 on Debian ships neither a CMake config nor a .pc file.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
add_library(soci INTERFACE IMPORTED)
target_include_directories(soci INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(soci INTERFACE ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_CORE_LIBRARY}
                                     SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})

# libphonenumber 8.12 ships no CMake config: the library, and the ICU and protobuf it is built on.
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(Protobuf REQUIRED)
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(phonenumber INTERFACE IMPORTED)
target_include_directories(phonenumber INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(phonenumber INTERFACE ${PHONENUMBER_LIBRARY} ICU::uc ICU::i18n protobuf::libprotobuf)

# Open-addressing hash maps for the import's in-memory duplicate indexes (docs/decisions/0007).
find_package(absl REQUIRED CONFIG)

# Encoding detection of imported files.
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)

# Appointment invitations and feeds (iCalendar): libical 3.0 ships a CMake config whose plain target is `ical`.
find_package(LibIcal REQUIRED CONFIG)
