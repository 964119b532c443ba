#include "appointments/appointment_risk.hpp"

#include <gtest/gtest.h>

namespace termintreu::appointments {
namespace {

using namespace std::chrono;

const platform::TimePoint kNow = platform::TimePoint(sys_days(2026y / 12 / 1) + 9h);

Appointment in(hours ahead, std::string state = "booked") {
  Appointment a;
  a.starts_at = kNow + ahead;
  a.ends_at = a.starts_at + 1h;
  a.state = std::move(state);
  return a;
}

std::vector<std::string> codes(const Risk& risk) {
  std::vector<std::string> out;
  for (const auto& reason : risk.reasons) out.push_back(reason.code);
  return out;
}

TEST(AppointmentRisk, UnconfirmedCloseToTheDateCallsForACall) {
  EXPECT_TRUE(risk_of(in(49h), {}, kNow).reasons.empty()) << "far enough ahead";
  const auto close = risk_of(in(48h), {}, kNow);
  EXPECT_EQ(codes(close), std::vector<std::string>{"unconfirmed"});
  EXPECT_EQ(close.action, "call_to_confirm");
  EXPECT_TRUE(risk_of(in(3h, "confirmed"), {}, kNow).reasons.empty()) << "confirmed is not at risk";
}

TEST(AppointmentRisk, ABouncedMailCallsForACallEvenWhenFarAhead) {
  const auto risk = risk_of(in(200h, "confirmed"), {.mail_failed = true}, kNow);
  EXPECT_EQ(codes(risk), std::vector<std::string>{"mail_bounced"});
  EXPECT_EQ(risk.action, "call_to_confirm");
}

TEST(AppointmentRisk, DoubtsAboutTheDateCallForMovingIt) {
  auto asked = in(100h, "change_requested");
  asked.person_note = "lieber nachmittags";
  const auto risk = risk_of(asked, {}, kNow);
  ASSERT_EQ(codes(risk), std::vector<std::string>{"change_requested"});
  EXPECT_EQ(risk.reasons[0].detail, "lieber nachmittags");
  EXPECT_EQ(risk.action, "reschedule");

  const auto all = risk_of(in(5h), {.mail_failed = true, .calendar_clash = true, .rep_inactive = true}, kNow);
  EXPECT_EQ(codes(all), (std::vector<std::string>{"rep_unavailable", "calendar_clash", "mail_bounced", "unconfirmed"}));
  EXPECT_EQ(all.action, "reschedule");
}

TEST(AppointmentRisk, PastAndClosedAppointmentsAreNotAtRisk) {
  const RiskFacts everything{true, true, true};
  EXPECT_TRUE(risk_of(in(-1h), everything, kNow).reasons.empty());
  for (const char* state : {"cancelled", "held", "no_show"}) {
    const auto risk = risk_of(in(5h, state), everything, kNow);
    EXPECT_TRUE(risk.reasons.empty()) << state;
    EXPECT_TRUE(risk.action.empty()) << state;
  }
}

}  // namespace
}  // namespace termintreu::appointments
