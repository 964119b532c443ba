#include "appointments/appointment_reminders.hpp"

#include <algorithm>
#include <charconv>
#include <functional>

#include <spdlog/spdlog.h>

#include "appointments/appointment_parties.hpp"
#include "appointments/appointment_store.hpp"
#include "appointments/reminder_store.hpp"
#include "platform/mail/outbox_store.hpp"

namespace termintreu::appointments {
namespace {

constexpr std::int64_t kMicrosPerMinute = 60'000'000;
// The longest offset a campaign may set (campaign_input checks it): how far ahead the sweep looks.
constexpr int kLongestOffsetMinutes = 7 * 24 * 60;
constexpr int kBatch = 500;
// A reminder falling due within this time after the booking is left out: the invitation has just arrived.
constexpr std::int64_t kFreshMicros = 60 * kMicrosPerMinute;

}  // namespace

std::vector<int> reminder_offsets(std::string_view text) {
  std::vector<int> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto part = text.substr(0, comma);
    int minutes = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), minutes);
    if (error == std::errc{} && end == part.data() + part.size() && minutes > 0 && minutes <= kLongestOffsetMinutes) {
      out.push_back(minutes);
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::size_t AppointmentReminders::queue_due() {
  const std::int64_t now = platform::to_micros(clock_.now());
  std::vector<reminder_store::Upcoming> upcoming;
  {
    auto lease = database_.session();
    upcoming = reminder_store::upcoming(*lease, now, now + kLongestOffsetMinutes * kMicrosPerMinute, kBatch);
  }
  std::size_t queued = 0;
  for (const auto& u : upcoming) {
    // Offsets whose moment has come, largest first. When several are due at once (the server was down), only the
    // last one is sent; the earlier ones are recorded as passed, so nobody gets two reminders in a minute.
    std::vector<int> due;
    for (const int offset : reminder_offsets(u.reminder_offsets)) {
      const std::int64_t moment = u.starts_at - offset * kMicrosPerMinute;
      if (moment <= now && moment >= u.created_at + kFreshMicros) due.push_back(offset);
    }
    if (due.empty()) continue;
    std::sort(due.begin(), due.end(), std::greater<>());
    // The last due reminder went already: nothing to write (the sweep runs every minute).
    if (u.smallest_claimed != 0 && u.smallest_claimed <= due.back()) continue;
    queued += database_.transaction("appointment.reminder", [&](soci::session& sql) -> std::size_t {
      bool fresh = false;  // the last due reminder was not sent before
      for (const int offset : due) fresh = reminder_store::claim(sql, u.appointment_id, u.sequence, offset, now);
      if (!fresh) return 0;
      const auto appointment = appointment_store::find(sql, u.agency_id, u.appointment_id);
      if (!appointment) return 0;
      const auto mails = reminder_mails(*appointment, parties_of(sql, *appointment, site_), now);
      for (const auto& mail : mails) platform::mail::outbox_store::enqueue(sql, mail);
      return mails.size();
    });
  }
  if (queued > 0) spdlog::info("appointment reminders: {} mails queued", queued);
  return queued;
}

}  // namespace termintreu::appointments
