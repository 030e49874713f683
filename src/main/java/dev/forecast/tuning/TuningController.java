package dev.forecast.tuning;

import java.net.URI;
import java.security.Principal;

import dev.forecast.training.Owner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tuning", description = "Random search over training specs: every trial is an ordinary run")
class TuningController {

	private final TuningService service;

	TuningController(TuningService service) {
		this.service = service;
	}

	@PostMapping("/tune")
	@Operation(summary = "Start a random search",
			description = "Samples trials points of the space (reproducibly for a seed) around the base spec and "
					+ "queues each as a training run on the shared worker pool. Poll GET /tune/{id}.")
	@ApiResponse(responseCode = "202", description = "Trials queued")
	ResponseEntity<Tuning> tune(@RequestBody TuneRequest request, Principal principal) {
		Tuning tuning = this.service.start(request, Owner.of(principal));
		return ResponseEntity.accepted().location(URI.create("/tune/" + tuning.id())).body(tuning);
	}

	@GetMapping("/tune/{id}")
	@Operation(summary = "A random search: its trials (run, params, status, valMae) and the best so far")
	Tuning get(@PathVariable long id) {
		return this.service.get(id);
	}

}
