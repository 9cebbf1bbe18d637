package org.flatspace.config.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SizeRepository extends JpaRepository<Size, Long> {

    List<Size> findAllByOrderByVcpuAscMemoryMibAsc();
}
