package dev.forecast.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes: a rule
 * broken by a change fails the build with the offending classes and lines.
 */
@AnalyzeClasses(packages = "dev.forecast", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** Spring, JPA and servlet types: what the pure computing packages must not touch. */
	private static final String[] FRAMEWORK = { "org.springframework..", "jakarta.persistence..", "org.hibernate..",
			"jakarta.servlet.." };

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("dev.forecast.(*)..")
		.should()
		.beFreeOfCycles()
		.as("the top-level packages of dev.forecast depend on each other without a cycle");

	@ArchTest
	static final ArchRule modelDependsOnNoOtherPackageOfTheService = noClasses().that()
		.resideInAPackage("dev.forecast.model..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.forecast..").and(resideOutsideOfPackage("dev.forecast.model..")))
		.as("model depends on no other package of the service");

	@ArchTest
	static final ArchRule modelIsFreeOfFrameworks = noClasses().that()
		.resideInAPackage("dev.forecast.model..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FRAMEWORK)
		.as("model uses no Spring, JPA or servlet type");

	@ArchTest
	static final ArchRule servingDoesNotDependOnTraining = noClasses().that()
		.resideInAPackage("dev.forecast.model.serving..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.forecast.model.training..")
		.as("model.serving depends on no class of model.training (only on what model shares)");

	@ArchTest
	static final ArchRule forecastsAreServedWithoutTrainingCode = noClasses().that()
		.resideInAPackage("dev.forecast.forecast..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.forecast.model.training..")
		.as("forecast serves models through model.serving, never through model.training");

	@ArchTest
	static final ArchRule sharedModelDependsOnNeitherSide = noClasses().that()
		.resideInAPackage("dev.forecast.model")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.forecast.model.training..", "dev.forecast.model.serving..")
		.as("the shared part of model (dev.forecast.model itself) depends on neither training nor serving");

	@ArchTest
	static final ArchRule statisticalModelsAreFreeOfFrameworks = noClasses().that()
		.resideInAPackage("dev.forecast.forecast.stats..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FRAMEWORK)
		.as("forecast.stats uses no Spring, JPA or servlet type")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule featuresDoNotImportSecurity = noClasses().that()
		.resideInAnyPackage("dev.forecast.series..", "dev.forecast.forecast..", "dev.forecast.training..",
				"dev.forecast.jobs..", "dev.forecast.tuning..", "dev.forecast.collection..",
				"dev.forecast.idempotency..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.forecast.security..")
		.as("feature packages do not depend on security (the owner of a request is passed in)");

	@ArchTest
	static final ArchRule nothingDependsOnOps = noClasses().that()
		.resideOutsideOfPackage("dev.forecast.ops..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.forecast.ops..")
		.as("ops only observes: features publish events and no package depends on ops");

	@ArchTest
	static final ArchRule controllersAreNotPublic = classes().that()
		.areAnnotatedWith(RestController.class)
		.or()
		.areAnnotatedWith(Controller.class)
		.should()
		.notBePublic()
		.as("controllers are package-private: other packages call services, not controllers");

}
