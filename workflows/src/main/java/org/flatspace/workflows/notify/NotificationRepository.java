package org.flatspace.workflows.notify;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findTop50ByRecipientOrderByIdDesc(String recipient);

    long countByRecipientAndReadAtIsNull(String recipient);
}
