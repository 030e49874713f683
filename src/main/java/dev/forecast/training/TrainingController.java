package dev.forecast.training;

import dev.forecast.idempotency.IdempotencyKeys;

import java.net.URI;
import java.security.Principal;

import dev.forecast.error.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Training", description = "Train neural forecasters as jobs on the worker pool; follow their runs")
class TrainingController {

	private final TrainingService service;

	private final IdempotencyKeys keys;

	TrainingController(TrainingService service, IdempotencyKeys keys) {
		this.service = service;
		this.keys = keys;
	}

	@PostMapping("/train")
	@Operation(summary = "Queue a training run",
			description = "Exactly one of series and collection is required (collection: one global network "
					+ "trained on the windows of all members; any member is then forecast with it); the run's spec "
					+ "shows every default used. The run trains asynchronously: poll GET /runs/{id} for progress "
					+ "and the learning curve.")
	@ApiResponse(responseCode = "202", description = "Queued")
	ResponseEntity<Run> train(@RequestBody TrainRequest request, Principal principal,
			@Parameter(description = IdempotencyKeys.DESCRIPTION) @RequestHeader(name = IdempotencyKeys.HEADER,
					required = false) String key) {
		return this.keys.create(key, principal, this.keys.fingerprint("POST /train", request), Run.class, () -> {
			Run run = this.service.submit(request, Owner.of(principal));
			return ResponseEntity.accepted().location(URI.create("/runs/" + run.id())).body(run);
		});
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "A run: status, progress, learning curve, metrics or error")
	Run get(@PathVariable long id) {
		return this.service.get(id);
	}

	@GetMapping("/runs")
	@Operation(summary = "Runs, best validation MAE first")
	RunList list(@Parameter(description = "Only runs of this series") @RequestParam(required = false) Long series,
			@Parameter(description = "Only runs of this collection (global models)") @RequestParam(
					required = false) Long collection,
			@Parameter(description = "QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED") @RequestParam(
					required = false) String status) {
		RunStatus wanted = null;
		if (status != null && !status.isBlank()) {
			wanted = RunStatus.parse(status);
			if (wanted == null) {
				throw BadRequestException.invalid("status",
						"unknown status '" + status + "'; one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED");
			}
		}
		return new RunList(this.service.list(series, collection, wanted));
	}

	@PostMapping("/runs/{id}/cancel")
	@Operation(summary = "Cancel a run: a queued one at once, a running one at its next batch")
	@ApiResponse(responseCode = "202", description = "Cancelled or cancelling")
	ResponseEntity<Run> cancel(@PathVariable long id) {
		return ResponseEntity.accepted().body(this.service.cancel(id));
	}

	@DeleteMapping("/runs/{id}")
	@Operation(summary = "Delete a run and its model (409 while it is running)")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.service.delete(id);
		return ResponseEntity.noContent().build();
	}

}
