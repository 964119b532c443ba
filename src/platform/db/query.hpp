#pragma once
// Runs statements with bound parameters through the connection's statement cache (statement_cache.hpp):
// - fetch_rows / fetch_one: a SELECT into a row struct, one model per row. A row struct binds its columns in
//   `bind(soci::statement&)` (in SELECT order) and turns itself into a model with `to_model()`.
// - fetch_value: the first column of the first row, nullopt when there is no row or the value is NULL.
// - execute: an INSERT, UPDATE or DELETE; returns the number of rows it changed.
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "platform/db/statement_cache.hpp"

namespace termintreu::platform::db {

namespace detail {

struct NoRow {
  void bind(soci::statement&) {}
};

template <class T>
struct ValueRow {
  T value{};
  soci::indicator indicator = soci::i_ok;
  void bind(soci::statement& st) { st.exchange(soci::into(value, indicator)); }
  std::optional<T> to_model() const {
    if (indicator == soci::i_null) return std::nullopt;
    return value;
  }
};

// A statement with the row it reads into and the parameters it is bound to. Both live as long as the statement, so a
// cached statement runs again after the new parameter values are copied in.
template <class Row, class... Params>
struct PreparedQuery final : StatementCache::Entry {
  PreparedQuery(soci::session& sql, const std::string& text, soci::details::statement_type type) : st(sql) {
    st.alloc();
    st.prepare(text, type);
    row.bind(st);
    std::apply([this](auto&... param) { (st.exchange(soci::use(param)), ...); }, params);
    st.define_and_bind();
  }
  Row row;
  std::tuple<std::remove_cvref_t<Params>...> params;
  soci::statement st;  // last: destroyed before the variables it is bound to
};

// Runs `work` on the connection's cached statement for `text` (prepared on first use), or on a one-time statement
// when the session has no cache or its cache is full. PostgreSQL: a cached statement is PREPAREd once and then
// executed in one round trip; a one-time statement is one round trip that parses and plans every time.
template <class Query, class Work>
void run(soci::session& sql, const std::string& text, Work&& work) {
  StatementCache* cache = StatementCache::of(sql);
  Query* query = cache != nullptr ? cache->find<Query>(text) : nullptr;
  if (query == nullptr && cache != nullptr && cache->size() < StatementCache::kCapacity) {
    auto made = std::make_unique<Query>(sql, text, soci::details::st_repeatable_query);
    query = made.get();
    cache->keep(text, made);
  }
  if (query == nullptr) {
    Query once(sql, text, soci::details::st_one_time_query);
    work(once);
    return;
  }
  try {
    work(*query);
    cache->finish(query->st);
  } catch (...) {
    cache->drop<Query>(text);
    throw;
  }
}

}  // namespace detail

template <class Row, class... Params>
auto fetch_rows(soci::session& sql, const std::string& select, const Params&... params) {
  using Query = detail::PreparedQuery<Row, Params...>;
  std::vector<decltype(std::declval<Row&>().to_model())> out;
  detail::run<Query>(sql, select, [&](Query& query) {
    query.params = std::tie(params...);
    if (query.st.execute(true)) {
      do {
        out.push_back(query.row.to_model());
      } while (query.st.fetch());
    }
  });
  return out;
}

template <class Row, class... Params>
auto fetch_one(soci::session& sql, const std::string& select, const Params&... params)
    -> std::optional<decltype(std::declval<Row&>().to_model())> {
  auto rows = fetch_rows<Row>(sql, select, params...);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

template <class T, class... Params>
std::optional<T> fetch_value(soci::session& sql, const std::string& select, const Params&... params) {
  auto rows = fetch_rows<detail::ValueRow<T>>(sql, select, params...);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

template <class... Params>
long long execute(soci::session& sql, const std::string& statement, const Params&... params) {
  using Query = detail::PreparedQuery<detail::NoRow, Params...>;
  long long changed = 0;
  detail::run<Query>(sql, statement, [&](Query& query) {
    query.params = std::tie(params...);
    query.st.execute(true);
    changed = query.st.get_affected_rows();
  });
  return changed;
}

}  // namespace termintreu::platform::db
