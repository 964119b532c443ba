#pragma once
// How a callbacks row is read (the columns as "cb.…" and their binding), shared by the stores that select them.
#include <optional>
#include <string>

#include <soci/soci.h>

#include "calling/callback.hpp"
#include "platform/db/optional.hpp"

namespace termintreu::calling {

inline constexpr const char* kCallbackColumns =
    "cb.id, cb.agency_id, cb.campaign_id, cb.lead_id, cb.kind, cb.owner_id, cb.assigned_to, cb.due_at, cb.state, "
    "cb.started_at, cb.started_by, cb.promised_in, cb.kept_in, cb.note, cb.created_at";

struct CallbackRow {
  long long id = 0, agency_id = 0, campaign_id = 0, lead_id = 0, due_at = 0, created_at = 0;
  std::optional<long long> owner_id, assigned_to, started_at, started_by, promised_in, kept_in;
  std::string kind, state, note;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(lead_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(owner_id));
    st.exchange(soci::into(assigned_to));
    st.exchange(soci::into(due_at));
    st.exchange(soci::into(state));
    st.exchange(soci::into(started_at));
    st.exchange(soci::into(started_by));
    st.exchange(soci::into(promised_in));
    st.exchange(soci::into(kept_in));
    st.exchange(soci::into(note));
    st.exchange(soci::into(created_at));
  }
  static std::optional<std::int64_t> id_of(const std::optional<long long>& v) {
    return v ? std::optional<std::int64_t>(*v) : std::nullopt;
  }
  Callback to_model() const {
    Callback c;
    c.id = id;
    c.agency_id = agency_id;
    c.campaign_id = campaign_id;
    c.lead_id = lead_id;
    c.kind = kind;
    c.owner_id = id_of(owner_id);
    c.assigned_to = id_of(assigned_to);
    c.due_at = due_at;
    c.state = state;
    c.started_at = id_of(started_at);
    c.started_by = id_of(started_by);
    c.promised_in = id_of(promised_in);
    c.kept_in = id_of(kept_in);
    c.note = note;
    c.created_at = created_at;
    return c;
  }
};

}  // namespace termintreu::calling
