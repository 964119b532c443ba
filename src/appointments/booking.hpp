#pragma once
// Booking the appointment an agent sets in a call (calling::AppointmentBooker): the rep must be one of the
// campaign's and free at that time (its appointments and blocked times, held under a lock until the call's
// transaction ends); the place is the company's address unless the agent gives another; the invitations to the rep
// and the person go into the outbox in the same transaction.
#include <string>

#include "appointments/mail_site.hpp"
#include "appointments/place_coordinates.hpp"
#include "calling/appointment_booking.hpp"

namespace termintreu::appointments {

class Booking final : public calling::AppointmentBooker {
 public:
  Booking(const PlaceIndex& places, MailSite site) : places_(places), site_(std::move(site)) {}

  platform::Result<std::int64_t> book(soci::session& sql, const calling::BookingContext& context,
                                      const calling::AppointmentRequest& request) const override;

 private:
  const PlaceIndex& places_;
  MailSite site_;
};

}  // namespace termintreu::appointments
