package dev.latchkey.user;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Users as Spring Security sees them for password login: a deactivated user is disabled.
 */
@Service
class UserAccounts implements UserDetailsService {

	private final Users users;

	UserAccounts(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		User user = this.users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		String hash = this.users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return org.springframework.security.core.userdetails.User.withUsername(user.username())
			.password(hash)
			.roles(user.role().name())
			.disabled(!user.isActive())
			.build();
	}

}
