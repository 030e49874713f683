package dev.forecast.series;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SeriesRepository extends JpaRepository<Series, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Series s where s.id = :id")
	Optional<Series> findForUpdate(Long id);

}
