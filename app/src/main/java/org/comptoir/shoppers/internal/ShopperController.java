package org.comptoir.shoppers.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.comptoir.customers.Customers;
import org.comptoir.customers.Shopper;
import org.comptoir.ordering.OrderBook;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's own door, called with the channel's publishable key: a code sent by email, a session
 * opened with it (or with a password set afterwards) whose customer token then stands for the key,
 * and what the signed-in shopper may read of themselves.
 */
@Tag(name = "Shoppers", description = "Sign-in of a storefront's shoppers and their own data")
@RestController
@RequestMapping("/api/v1/shopper")
class ShopperController {

    record CodePayload(@NotBlank @Email @Size(max = 320) String email) {}

    record CodeSent(Instant expiresAt) {}

    record SessionPayload(@NotBlank @Email @Size(max = 320) String email,
            @Pattern(regexp = "\\s*[0-9]{6}\\s*", message = "must be the 6 digits sent by email") String code,
            @Size(max = 200) String password) {}

    record SessionOpened(String token, Instant expiresAt, UUID customerId) {}

    record PasswordPayload(@NotBlank @Size(min = 10, max = 200) String password) {}

    private final ShopperSignIn signIn;
    private final SignInCodes codes;
    private final Customers customers;
    private final OrderBook orders;

    ShopperController(ShopperSignIn signIn, SignInCodes codes, Customers customers, OrderBook orders) {
        this.signIn = signIn;
        this.codes = codes;
        this.customers = customers;
        this.orders = orders;
    }

    /** Sends a one-time code to the address (whether or not it has an account yet). */
    @PostMapping("/sign-in-codes")
    ResponseEntity<CodeSent> code(@Valid @RequestBody CodePayload p) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CodeSent(codes.send(p.email(), Callers.current())));
    }

    /** Opens a session with the code or the password; its token names the customer from then on. */
    @PostMapping("/sessions")
    ResponseEntity<SessionOpened> signIn(@Valid @RequestBody SessionPayload p) {
        if ((p.code() == null) == (p.password() == null)) {
            throw ApiProblem.invalid("code", "give the code sent by email, or the password, not both");
        }
        Caller storefront = Callers.current();
        if (storefront.customerId().isPresent()) {
            throw ApiProblem.invalid("Authorization", "sign in with the channel's publishable key");
        }
        var opened = p.code() != null ? signIn.withCode(p.email(), p.code(), storefront)
                : signIn.withPassword(p.email(), p.password(), storefront);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SessionOpened(opened.token(), opened.expiresAt(), opened.customerId()));
    }

    /** Ends the session of the token presented. */
    @DeleteMapping("/sessions/current")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        ShopperSignIn.accountOf(Callers.current());
        String authorization = request.getHeader("Authorization");
        signIn.signOut(authorization.substring(authorization.indexOf(' ') + 1).trim());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/password")
    ResponseEntity<Void> password(@Valid @RequestBody PasswordPayload p) {
        signIn.setPassword(Callers.current(), p.password());
        return ResponseEntity.noContent().build();
    }

    /** The signed-in shopper: names, address book, price group, loyalty points. */
    @GetMapping("/me")
    Shopper me() {
        Caller shopper = Callers.current();
        ShopperSignIn.accountOf(shopper);
        return customers.shopper(shopper.customerId().orElseThrow())
                .orElseThrow(() -> ApiProblem.notFound("customer", shopper.customerId().orElseThrow()));
    }

    /** The signed-in shopper's orders on every channel, stores included, newest first. */
    @GetMapping("/orders")
    List<OrderBook.Summary> orders() {
        Caller shopper = Callers.current();
        ShopperSignIn.accountOf(shopper);
        return orders.ofCustomer(shopper.customerRefs(), 100);
    }
}
