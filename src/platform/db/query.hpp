#pragma once
// Runs a SELECT into a row struct and collects one model per row. A row struct binds its columns in
// `bind(soci::statement&)` (in SELECT order) and turns itself into a model with `to_model()`.
#include <string>
#include <vector>

#include <soci/soci.h>

namespace termintreu::platform::db {

template <class Row, class... Params>
auto fetch_rows(soci::session& sql, const std::string& select, const Params&... params) {
  Row row;
  soci::statement st(sql);
  st.alloc();
  // One round trip on PostgreSQL (PQexecParams); a repeatable statement would add PREPARE and DEALLOCATE round trips.
  st.prepare(select, soci::details::st_one_time_query);
  row.bind(st);
  (st.exchange(soci::use(params)), ...);
  st.define_and_bind();
  std::vector<decltype(row.to_model())> out;
  if (st.execute(true)) {
    do {
      out.push_back(row.to_model());
    } while (st.fetch());
  }
  return out;
}

template <class Row, class... Params>
auto fetch_one(soci::session& sql, const std::string& select, const Params&... params)
    -> std::optional<decltype(std::declval<Row&>().to_model())> {
  auto rows = fetch_rows<Row>(sql, select, params...);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace termintreu::platform::db
