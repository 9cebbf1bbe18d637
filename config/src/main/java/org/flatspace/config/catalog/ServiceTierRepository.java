package org.flatspace.config.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceTierRepository extends JpaRepository<ServiceTier, Long> {

    List<ServiceTier> findAllByOrderByName();
}
